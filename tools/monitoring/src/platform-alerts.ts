import type { RuleGroup } from "./slo-rules.ts";

const runbook = (name: string) => `docs/runbooks/${name}.md`;

/** What operators are woken or ticketed for besides the SLOs: a cell, a region or replication down, dead letters piling up. */
export function platformAlertGroups(): RuleGroup[] {
  return [
    {
      name: "platform-alerts",
      rules: [
        {
          alert: "CellDown",
          // Down for every router of the region that watches it (one router's view may be its own network).
          expr: "max by (region, cell) (hl_router_cell_up) == 0",
          for: "1m",
          labels: { severity: "page" },
          annotations: {
            summary: "Cell {{ $labels.cell }} in {{ $labels.region }} is down: its users wait with 503",
            runbook: runbook("cell-down"),
          },
        },
        {
          alert: "PeerRegionDown",
          expr: "max by (region, peer) (hl_router_region_up) == 0",
          for: "2m",
          labels: { severity: "page" },
          annotations: {
            summary:
              "Region {{ $labels.peer }} is down as {{ $labels.region }}'s routers see it: its users' hops fail",
            runbook: runbook("region-down"),
          },
        },
        {
          alert: "ReplicationLagHigh",
          // The heartbeat MirrorMaker 2 copies every second: its age is how far behind replication is.
          expr: "time() - max by (region, origin) (hl_router_replication_heartbeat_timestamp_seconds) > 60",
          for: "2m",
          labels: { severity: "page" },
          annotations: {
            summary:
              "Events from {{ $labels.origin }} reach {{ $labels.region }} {{ $value | humanizeDuration }} late",
            runbook: runbook("mirrormaker-down"),
          },
        },
        {
          alert: "DeadLettersGrowing",
          // Every failed workflow is dead-lettered with its failure (cell/src/workflows/failure.ts).
          expr: 'sum by (region, cell) (increase(hl_workflows_total{status="failed"}[1h])) >= 10',
          labels: { severity: "ticket" },
          annotations: {
            summary: "{{ $value }} workflows were dead-lettered in cell {{ $labels.cell }} in the last hour",
            runbook: runbook("monitoring"),
          },
        },
        {
          alert: "CellShedding",
          // A spike is shed and passes; refusing new workflows for ten minutes means too little capacity (ADR 0041).
          expr: "sum by (region, cell) (rate(hl_requests_shed_total[5m])) > 0",
          for: "10m",
          labels: { severity: "ticket" },
          annotations: {
            summary:
              "Cell {{ $labels.cell }} in {{ $labels.region }} has refused new workflows (503 overloaded) for 10 minutes",
            runbook: runbook("monitoring"),
          },
        },
      ],
    },
  ];
}
