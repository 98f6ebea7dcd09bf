import { currentTags, type MetricType, record, strictModule } from "./runtime.ts";

class Metric {
  constructor(
    readonly name: string,
    private readonly type: MetricType,
  ) {}

  add(value: number | boolean, tags: Record<string, string> = {}): void {
    record(this.name, this.type, Number(value), currentTags(tags));
  }
}

export class Counter extends Metric {
  constructor(name: string) {
    super(name, "counter");
  }
}

export class Rate extends Metric {
  constructor(name: string) {
    super(name, "rate");
  }
}

export class Trend extends Metric {
  constructor(name: string, _isTime = false) {
    super(name, "trend");
  }
}

export class Gauge extends Metric {
  constructor(name: string) {
    super(name, "gauge");
  }
}

export default strictModule("k6/metrics", { Counter, Rate, Trend, Gauge });
