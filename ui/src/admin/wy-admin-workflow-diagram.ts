import { LitElement, css, html, svg, nothing } from 'lit';
import { I18nController, loc } from '../i18n.js';
import { at } from './admin-i18n.js';
import type { WorkflowDeclaration } from './admin-types.js';
import { layoutWorkflow, NODE_H, NODE_W } from './workflow-layout.js';

/**
 * The workflow as a diagram: states as boxes in columns by distance from the initial state,
 * transitions as arrows (branches dashed, backward ones as arcs above). Drawn as inline SVG from
 * the draft, so it follows every edit.
 *
 * @fires wy-state-select - `{ state }` when a state box is clicked
 */
export class WyAdminWorkflowDiagram extends LitElement {
  static override properties = { workflow: { attribute: false }, selected: { type: String } };

  static override styles = css`
    :host { display: block; overflow-x: auto; }
    svg { display: block; font: 12px system-ui, 'Noto Sans CJK SC', sans-serif; }
    .node rect { fill: #fff; stroke: #125e8a; stroke-width: 1.5; }
    .node.initial rect { fill: #e3eff7; }
    .node.final rect { fill: #eceff1; stroke: #455a64; }
    .node.final rect.inner { fill: none; stroke: #455a64; stroke-width: 1; }
    .node.missing rect { fill: #fdecea; stroke: #c62828; stroke-dasharray: 4 3; }
    .node.selected rect { stroke: #f0a500; stroke-width: 3; }
    .node { cursor: pointer; }
    .node text { fill: #1f2933; }
    .node .sub { fill: #5f6b7a; font-size: 10px; }
    .edge { fill: none; stroke: #7b8794; stroke-width: 1.3; }
    .edge.branch { stroke-dasharray: 5 3; stroke: #125e8a; }
    .edge.back { stroke: #b0b8c1; }
    .edge.system { stroke: #9c6ade; }
    .label { fill: #34495e; font-size: 10.5px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    .legend { font-size: 11px; fill: #5f6b7a; }
  `;

  declare workflow: WorkflowDeclaration | undefined;
  declare selected: string;

  constructor() {
    super();
    new I18nController(this);
    this.workflow = undefined;
    this.selected = '';
  }

  override render() {
    const wf = this.workflow;
    if (!wf) return nothing;
    const layout = layoutWorkflow(wf);
    const title = (s: string) => loc(wf.states[s]?.title) || s;
    const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
    return html`
      <svg role="img" aria-label=${at('diagramLabel', { n: Object.keys(wf.states).length, m: Object.keys(wf.transitions).length })}
        width=${layout.width} height=${layout.height} viewBox="0 0 ${layout.width} ${layout.height}" style="max-width:100%;height:auto" data-testid="workflow-diagram">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#7b8794"></path></marker>
          <marker id="arrow-branch" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#125e8a"></path></marker>
        </defs>
        <text class="legend" x="24" y="18">${at('diagramLegend')}</text>
        ${layout.edges.map((e) => {
          const t = wf.transitions[e.transition];
          const name = loc(t?.title) || e.transition;
          const cls = `edge${e.branch ? ' branch' : ''}${e.back ? ' back' : ''}${t?.system ? ' system' : ''}`;
          return svg`<g><title>${name}: ${title(e.from)} → ${title(e.to)}</title>
            <path class=${cls} d=${e.path} marker-end=${e.branch ? 'url(#arrow-branch)' : 'url(#arrow)'}></path>
            ${e.back ? nothing : svg`<text class="label" x=${e.labelX} y=${e.labelY} text-anchor="middle">${clip(name, 9)}</text>`}</g>`;
        })}
        ${layout.nodes.map((n) => {
          const s = wf.states[n.id];
          const cls = `node${n.id === wf.initialState ? ' initial' : ''}${s?.final ? ' final' : ''}${n.missing ? ' missing' : ''}${n.id === this.selected ? ' selected' : ''}`;
          return svg`<g class=${cls} data-state=${n.id} @click=${() => this.dispatchEvent(new CustomEvent('wy-state-select', { detail: { state: n.id }, bubbles: true, composed: true }))}>
            <title>${title(n.id)}${n.missing ? ` — ${at('missingState')}` : ''}</title>
            <rect x=${n.x} y=${n.y} width=${NODE_W} height=${NODE_H} rx="6"></rect>
            ${s?.final ? svg`<rect class="inner" x=${n.x + 3} y=${n.y + 3} width=${NODE_W - 6} height=${NODE_H - 6} rx="4"></rect>` : nothing}
            <text x=${n.x + NODE_W / 2} y=${n.y + 18} text-anchor="middle">${clip(title(n.id), 11)}</text>
            <text class="sub" x=${n.x + NODE_W / 2} y=${n.y + 33} text-anchor="middle">${n.missing ? at('missingState') : n.id === wf.initialState ? at('initial') : s?.final ? at('final') : ''}</text>
          </g>`;
        })}
      </svg>`;
  }
}

customElements.define('wy-admin-workflow-diagram', WyAdminWorkflowDiagram);

declare global {
  interface HTMLElementTagNameMap {
    'wy-admin-workflow-diagram': WyAdminWorkflowDiagram;
  }
}
