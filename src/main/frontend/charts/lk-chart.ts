import { LitElement, html, css } from 'lit';
import { customElement } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/**
 * An Apache ECharts chart as a Vaadin component. The server sends the whole option as JSON (no functions: labels
 * use ECharts' string templates); a click on a data point comes back as a 'point-click' event with its series and
 * name. ECharts describes the chart to screen readers (aria), and every screen shows a table beside it too.
 */
@customElement('lk-chart')
export class LoopkeeperChart extends LitElement {
  private chart?: echarts.ECharts;
  private resizes?: ResizeObserver;
  private pending?: echarts.EChartsCoreOption;

  static styles = css`
    :host { display: block; position: relative; min-height: 200px; }
    .canvas { position: absolute; inset: 0; }
  `;

  render() {
    return html`<div class="canvas"></div>`;
  }

  firstUpdated() {
    const canvas = this.renderRoot.querySelector('.canvas') as HTMLElement;
    this.chart = echarts.init(canvas, undefined, { renderer: 'canvas' });
    this.chart.on('click', (event: any) => {
      this.dispatchEvent(
        new CustomEvent('point-click', { detail: { series: event.seriesName ?? '', name: event.name ?? '' } })
      );
    });
    this.resizes = new ResizeObserver(() => this.chart?.resize());
    this.resizes.observe(this);
    if (this.pending) {
      this.chart.setOption(this.pending, true);
      this.pending = undefined;
    }
  }

  /** Replaces what the chart shows. */
  setOption(json: string) {
    const option = JSON.parse(json);
    option.aria = { enabled: true, ...(option.aria ?? {}) };
    if (this.chart) {
      this.chart.setOption(option, true);
    } else {
      this.pending = option;
    }
    this.setAttribute('data-rendered', 'true');
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizes?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) {
      this.firstUpdated();
    }
  }
}
