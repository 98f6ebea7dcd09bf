import { type DashboardSpec, quantileOf, sumRate } from "./grafana.ts";

const REGION = 'region=~"$region"';

/** Events between regions: MirrorMaker 2's delay, the home directory fed by mirrored events, hops. */
export const replicationDashboard: DashboardSpec = {
  uid: "hireloop-replication",
  title: "Hireloop / Replication",
  description:
    "Events between regions (outbox, Kafka, MirrorMaker 2, the routers' directory consumer) and requests sent to a user's home region",
  variables: [{ name: "region", label: "Region (receiving)", metric: "hl_router_cell_up" }],
  rows: [
    {
      title: "MirrorMaker 2",
      panels: [
        {
          title: "Replication delay",
          description:
            "Age of the newest MirrorMaker 2 heartbeat from each origin region (emitted every second there): grows while replication stops",
          unit: "s",
          queries: [
            {
              expr: `time() - max by (region, origin) (hl_router_replication_heartbeat_timestamp_seconds{${REGION}})`,
              legend: "{{origin}} → {{region}}",
            },
          ],
        },
        {
          title: "Event apply delay",
          description:
            "From an event's creation in its cell to its application by this region's directory: outbox, Kafka, MirrorMaker 2 and the consumer",
          unit: "s",
          queries: [
            {
              expr: quantileOf(0.5, "origin", "hl_router_event_apply_delay_seconds", REGION),
              legend: "p50 from {{origin}}",
            },
            {
              expr: quantileOf(0.99, "origin", "hl_router_event_apply_delay_seconds", REGION),
              legend: "p99 from {{origin}}",
            },
          ],
        },
        {
          title: "Directory events by outcome",
          description: "Events the directory consumer read: applied, duplicate, conflict, malformed",
          unit: "ops",
          queries: [
            {
              expr: sumRate("origin, outcome", "hl_router_directory_events_total", REGION),
              legend: "{{origin}} {{outcome}}",
            },
          ],
        },
        {
          title: "Outbox events published",
          description: "Events the cells of each region published to its Kafka: what there is to replicate",
          unit: "ops",
          queries: [{ expr: sumRate("region", "hl_events_published_total", REGION), legend: "{{region}}" }],
        },
      ],
    },
    {
      title: "Home regions",
      panels: [
        {
          title: "Peer regions up",
          description: "1 while this region's routers see the peer region's router up",
          unit: "none",
          queries: [
            {
              expr: `min by (region, peer) (hl_router_region_up{${REGION}})`,
              legend: "{{region}} sees {{peer}}",
            },
          ],
        },
        {
          title: "Hops to home regions",
          description:
            "Requests sent on to the user's home region, by that region and the status the client got",
          unit: "reqps",
          queries: [
            {
              expr: sumRate("peer, status", "hl_router_region_hops_total", REGION),
              legend: "→ {{peer}} {{status}}",
            },
          ],
        },
        {
          title: "Home claims",
          description:
            "New users whose home this region claimed: won, or lost to an earlier claim (unconfirmed when a peer could not be asked)",
          unit: "ops",
          queries: [
            {
              expr: sumRate("outcome, unconfirmed", "hl_router_home_claims_total", REGION),
              legend: "{{outcome}} unconfirmed={{unconfirmed}}",
            },
          ],
        },
      ],
    },
  ],
};
