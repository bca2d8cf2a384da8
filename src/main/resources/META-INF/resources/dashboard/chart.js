// Usage over time, one line per vendor, drawn by uPlot (the WebJar's global `uPlot`). The figures are also in the
// table below the chart, which is what screen readers and the CSV export use.

const COLOURS = { WINDSURF: '#0b7a75', TABNINE: '#6d3fc0' };
const HEIGHT = 280;
const DAY = 86_400;
const DAY_STEPS = [1, 2, 7, 14, 28, 56, 91, 182, 364].map((days) => days * DAY);
const dayLabel = (seconds) => new Date(seconds * 1000)
  .toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export class UsageChart {
  constructor(root) {
    this.root = root;
    this.plot = null;
    new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: HEIGHT })).observe(root);
  }

  width() {
    return Math.max(320, this.root.clientWidth);
  }

  /** Draws `metric` of every bucket; periods are the buckets' starts, shown in UTC. */
  show(buckets, metric, metricLabel, vendorLabel) {
    const vendors = [...new Set(buckets.map((b) => b.vendor))];
    const starts = [...new Set(buckets.map((b) => Date.parse(b.from) / 1000))].sort((a, b) => a - b);
    const byKey = new Map(buckets.map((b) => [`${b.vendor}|${Date.parse(b.from) / 1000}`, b]));
    const series = vendors.map((vendor) => starts.map((start) => byKey.get(`${vendor}|${start}`)?.[metric] ?? null));
    const options = {
      width: this.width(),
      height: HEIGHT,
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
      scales: { x: { time: true } },
      legend: { live: false },
      series: [
        { label: 'Period start (UTC)' },
        ...vendors.map((vendor) => ({
          label: vendorLabel(vendor),
          stroke: COLOURS[vendor] ?? '#444',
          width: 2,
          points: { show: starts.length <= 60 },
        })),
      ],
      // ticks on whole UTC days only, labelled with the day (the buckets are days, weeks or months)
      axes: [{ incrs: DAY_STEPS, values: (u, ticks) => ticks.map(dayLabel) }, { label: metricLabel, size: 70 }],
    };
    this.plot?.destroy();
    this.plot = new uPlot(options, [starts, ...series], this.root);
    this.root.setAttribute('aria-label', `Chart of ${metricLabel.toLowerCase()} per period for `
      + `${vendors.map(vendorLabel).join(' and ') || 'no vendor'}, ${starts.length} periods; `
      + 'the table below the chart lists every figure.');
  }
}
