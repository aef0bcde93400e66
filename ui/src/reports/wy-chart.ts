import { LitElement, css, html, type PropertyValues } from 'lit';
import type { Chart as ChartType } from 'chart.js';

export interface ChartSeries { label: string; data: number[]; color?: string }
export interface ChartSpec {
  kind: 'bar' | 'stacked' | 'doughnut';
  labels: string[];
  series: ChartSeries[];
  /** bars along the y axis (long category labels) */
  horizontal?: boolean;
  /** y axis as a share 0–1 shown in % */
  percent?: boolean;
}

export const PALETTE = ['#125e8a', '#f0a500', '#2e7d32', '#c62828', '#6a4c93', '#00838f', '#8d6e63', '#5f6b7a', '#ad1457', '#9e9d24', '#3949ab', '#ef6c00'];

let chartModule: Promise<typeof import('./chart-setup.js')> | null = null;

/** One chart (Chart.js, loaded on first use) drawn from a plain spec; redrawn when the spec changes. */
export class WyChart extends LitElement {
  static override properties = { spec: { attribute: false }, label: {} };

  static override styles = css`
    :host { display: block; position: relative; }
    .box { position: relative; height: var(--wy-chart-height, 220px); }
  `;

  declare spec: ChartSpec | null;
  declare label: string;
  #chart: ChartType | null = null;

  constructor() {
    super();
    this.spec = null;
    this.label = '';
  }

  override render() {
    return html`<div class="box"><canvas role="img" aria-label=${this.label}></canvas></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('spec')) void this.#draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.#chart) void this.#draw();
  }

  async #draw() {
    const spec = this.spec;
    if (!spec) return;
    chartModule ??= import('./chart-setup.js');
    const { Chart } = await chartModule;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || spec !== this.spec) return;
    this.#chart?.destroy();
    const doughnut = spec.kind === 'doughnut';
    this.#chart = new Chart(canvas, {
      type: doughnut ? 'doughnut' : 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor: doughnut ? spec.labels.map((_, j) => PALETTE[j % PALETTE.length]!) : (s.color ?? PALETTE[i % PALETTE.length]!),
          borderWidth: doughnut ? 1 : 0,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        plugins: { legend: { display: doughnut || spec.series.length > 1, position: doughnut ? 'right' : 'bottom' } },
        scales: doughnut ? {} : {
          x: { stacked: spec.kind === 'stacked', ticks: { precision: 0 } },
          y: {
            stacked: spec.kind === 'stacked', beginAtZero: true,
            ...(spec.percent ? { max: 1, ticks: { callback: (v: string | number) => `${Math.round(Number(v) * 100)}%` } } : { ticks: { precision: 0 } }),
          },
        },
      },
    });
  }
}

customElements.define('wy-chart', WyChart);

declare global {
  interface HTMLElementTagNameMap {
    'wy-chart': WyChart;
  }
}
