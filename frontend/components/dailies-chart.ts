import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the dashboard draws, so the bundle carries a fraction of ECharts.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/** One series as the server prepared it (production.ChartData.Series). */
interface Series {
  name: string;
  values: (number | null)[];
  style: string | null;
}

/** A chart as the server prepared it (production.ChartData): the browser only draws it. */
interface ChartSpec {
  id: string;
  title: string;
  kind: 'STACKED_BAR' | 'BAR' | 'LINE';
  xTitle: string;
  yTitle: string;
  categories: string[];
  series: Series[];
  marker: string | null;
  markerLabel: string | null;
}

/** Colours of the shot statuses, as the board's badges use them. */
const STATUS_COLOURS: Record<string, string> = {
  PLANNED: '#8a94a6', GENERATING: '#e0b531', IN_REVIEW: '#3f8ef0', CHANGES_REQUESTED: '#e4574b',
  APPROVED: '#33b36b', ON_HOLD: '#a970d6', OMITTED: '#c9ced6',
};

/**
 * A dashboard chart drawn with Apache ECharts. Set `spec` (from the server) and it redraws; it follows its own size,
 * and a change of data animates from the last drawing instead of starting over.
 */
@customElement('dailies-chart')
export class DailiesChart extends LitElement {
  @property({ type: Object }) spec: ChartSpec | null = null;

  private chart: echarts.ECharts | null = null;
  private resizer: ResizeObserver | null = null;

  static styles = css`
    :host { display: block; position: relative; min-height: 240px; }
    #plot { position: absolute; inset: 0; }
  `;

  render() {
    return html`<div id="plot" role="img" aria-label=${this.spec?.title ?? 'chart'}></div>`;
  }

  firstUpdated() {
    const plot = this.renderRoot.querySelector('#plot') as HTMLDivElement;
    this.chart = echarts.init(plot, null, { renderer: 'svg' });
    this.resizer = new ResizeObserver(() => this.chart?.resize());
    this.resizer.observe(this);
    this.draw();
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('spec') && this.chart) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }

  private draw() {
    if (!this.chart || !this.spec) {
      return;
    }
    this.chart.setOption(toOption(this.spec), { notMerge: true });
  }
}

function toOption(spec: ChartSpec): echarts.EChartsCoreOption {
  const stacked = spec.kind === 'STACKED_BAR';
  const visible = spec.series.filter(s => s.style !== 'hidden');
  const series = visible.map((s, index) => {
    const line = spec.kind === 'LINE' || s.style === 'line' || s.style === 'dashed' || s.style === 'area';
    const colour = s.style ? STATUS_COLOURS[s.style] : undefined;
    const drawn: Record<string, unknown> = {
      name: s.name,
      type: line ? 'line' : 'bar',
      data: s.values,
      stack: stacked ? 'total' : undefined,
      // A series with a single value so far (a first day) would draw nothing without its point.
      showSymbol: s.values.filter(v => v !== null).length <= 1,
      connectNulls: false,
      itemStyle: colour ? { color: colour } : undefined,
      lineStyle: s.style === 'dashed' ? { type: 'dashed' } : undefined,
      areaStyle: s.style === 'area' ? { opacity: 0.25 } : undefined,
      emphasis: { focus: 'series' },
    };
    if (index === 0 && spec.marker) {
      drawn.markLine = {
        symbol: 'none',
        label: { formatter: spec.markerLabel ?? spec.marker, color: '#e4574b' },
        lineStyle: { color: '#e4574b', type: 'solid' },
        data: [{ xAxis: spec.marker }],
      };
    }
    return drawn;
  });
  return {
    animationDuration: 300,
    textStyle: { color: '#c8cdd6' },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0, textStyle: { color: '#c8cdd6' } },
    grid: { left: 48, right: 16, top: 56, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: spec.categories, name: spec.xTitle, nameLocation: 'middle', nameGap: 28,
             axisLabel: { hideOverlap: true, color: '#aab2bf' } },
    yAxis: { type: 'value', name: spec.yTitle, minInterval: 1, axisLabel: { color: '#aab2bf' }, splitLine: { lineStyle: { opacity: 0.2 } } },
    series,
  };
}
