/**
 * The few pieces of Grafana's dashboard JSON (schema 39) our dashboards use: Prometheus time series
 * and stat panels on a two-column grid, and template variables filled from label values.
 */

export interface Query {
  expr: string;
  legend: string;
}

export interface PanelSpec {
  title: string;
  description: string;
  unit: string;
  queries: Query[];
  kind?: "timeseries" | "stat";
}

/** `sum by (labels) (rate(metric{selector}[$__rate_interval]))`, the shape of most panels. */
export function sumRate(by: string, metric: string, selector: string): string {
  return `sum by (${by}) (rate(${metric}{${selector}}[$__rate_interval]))`;
}

/**
 * The share of `metric` whose series match `bad` too, by `by`; 0 rather than nothing while no
 * series matches `bad` (a panel shows "no failures" as 0, not as "no data").
 */
export function shareOf(by: string, metric: string, selector: string, bad: string): string {
  const all = sumRate(by, metric, selector);
  return `(${sumRate(by, metric, `${selector}, ${bad}`)} or 0 * ${all}) / ${all}`;
}

/** The `quantile` of a histogram's observations, by `by`. */
export function quantileOf(quantile: number, by: string, metric: string, selector: string): string {
  return `histogram_quantile(${quantile}, ${sumRate(`${by}, le`, `${metric}_bucket`, selector)})`;
}

export interface VariableSpec {
  name: string;
  label: string;
  /** Grafana's `label_values(metric, label)`: the label's values on the series of that metric. */
  metric: string;
  dependsOn?: string;
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  variables: VariableSpec[];
  rows: { title: string; panels: PanelSpec[] }[];
}

const DATASOURCE = { type: "prometheus", uid: "$datasource" };
const PANEL_HEIGHT = 8;
const HALF_WIDTH = 12;

/** Grafana's dashboard JSON for a spec; ids and grid positions follow the order of rows and panels. */
export function renderDashboard(spec: DashboardSpec): object {
  const panels: object[] = [];
  let id = 1;
  let y = 0;
  for (const row of spec.rows) {
    panels.push({
      id: id++,
      type: "row",
      title: row.title,
      collapsed: false,
      gridPos: { x: 0, y, w: 24, h: 1 },
    });
    y += 1;
    row.panels.forEach((panel, index) => {
      const gridPos = {
        x: (index % 2) * HALF_WIDTH,
        y: y + Math.floor(index / 2) * PANEL_HEIGHT,
        w: HALF_WIDTH,
        h: PANEL_HEIGHT,
      };
      panels.push(renderPanel(panel, id++, gridPos));
    });
    y += Math.ceil(row.panels.length / 2) * PANEL_HEIGHT;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ["hireloop"],
    timezone: "utc",
    editable: true,
    schemaVersion: 39,
    version: 1,
    refresh: "30s",
    time: { from: "now-6h", to: "now" },
    annotations: { list: [] },
    links: [],
    templating: { list: [datasourceVariable(), ...spec.variables.map(renderVariable)] },
    panels,
  };
}

function renderPanel(panel: PanelSpec, id: number, gridPos: object): object {
  const kind = panel.kind ?? "timeseries";
  return {
    id,
    type: kind,
    title: panel.title,
    description: panel.description,
    datasource: DATASOURCE,
    gridPos,
    fieldConfig: { defaults: { unit: panel.unit }, overrides: [] },
    options:
      kind === "stat"
        ? { reduceOptions: { calcs: ["lastNotNull"], fields: "", values: false }, colorMode: "value" }
        : {
            legend: { displayMode: "table", placement: "bottom", calcs: ["lastNotNull", "max"] },
            tooltip: { mode: "multi" },
          },
    targets: panel.queries.map((query, index) => ({
      refId: String.fromCharCode(65 + index),
      datasource: DATASOURCE,
      expr: query.expr,
      legendFormat: query.legend,
      range: true,
    })),
  };
}

function datasourceVariable(): object {
  return {
    name: "datasource",
    label: "Prometheus",
    type: "datasource",
    query: "prometheus",
    current: {},
    hide: 0,
  };
}

function renderVariable(variable: VariableSpec): object {
  const filter = variable.dependsOn ? `{${variable.dependsOn}=~"$${variable.dependsOn}"}` : "";
  const query = `label_values(${variable.metric}${filter}, ${variable.name})`;
  return {
    name: variable.name,
    label: variable.label,
    type: "query",
    datasource: DATASOURCE,
    query: { query, refId: `${variable.name}-values` },
    definition: query,
    refresh: 2,
    includeAll: true,
    multi: true,
    allValue: ".*",
    current: { text: "All", value: "$__all" },
    sort: 1,
  };
}
