import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { finishSvg } from './accessible-svg.ts';
import { renderToString, serverDocument } from './render.ts';
import { lineTrend } from './line-trend.ts';

describe('serverDocument', () => {
  it('is one shared document that Plot can draw into', () => {
    expect(serverDocument()).toBe(serverDocument());
    const svg = Plot.plot({ document: serverDocument(), marks: [Plot.dot([1, 2])] });
    expect(svg.tagName.toLowerCase()).toBe('svg');
  });
});

describe('renderToString', () => {
  it('rounds coordinates to two decimals without changing the chart', () => {
    const document = serverDocument();
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M159.99999999999997,20.123L-0.001,3');
    path.setAttribute('transform', 'translate(40,55.000000000000036)');
    svg.appendChild(path);
    expect(renderToString(svg)).toContain('d="M160,20.12L0,3"');
    expect(renderToString(svg)).toContain('transform="translate(40,55)"');
    expect(path.getAttribute('d')).toBe('M159.99999999999997,20.123L-0.001,3');
  });

  it('escapes text in titles', () => {
    const html = renderToString(lineTrend([{ period: '2013-14', value: 1 }], { document: serverDocument(), title: 'Claims <£4,000> & more', series: null }));
    expect(html).toContain('Claims &lt;£4,000&gt; &amp; more');
  });
});

describe('finishSvg', () => {
  it("renames Plot's counter-based clip ids after the chart, and their references", () => {
    const document = serverDocument();
    const draw = (id: string) =>
      finishSvg(Plot.plot({ document, figure: false, marks: [Plot.lineY([1, 3, 2], { clip: true })] }) as SVGSVGElement, { id, title: 'T', description: 'D' });
    const first = draw('chart-a');
    const second = draw('chart-a');
    expect(first.outerHTML).toBe(second.outerHTML);
    expect(first.querySelector('clipPath')?.getAttribute('id')).toBe('chart-a-clip-1');
    expect(first.outerHTML).toContain('clip-path="url(#chart-a-clip-1)"');
    expect(first.outerHTML).not.toContain('plot-clip');
  });
});
