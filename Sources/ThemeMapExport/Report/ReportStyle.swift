/// The report's style sheet, inline so the page needs nothing from the network.
///
/// Colours keep at least 4.5:1 contrast against their backgrounds (WCAG AA for body text); status
/// badges carry words, not colour alone. Below 40rem the tables turn into stacked cards, each cell
/// labelled from its `data-label`, so the page reads on a phone without sideways scrolling.
enum ReportStyle {
  static let css: StaticString = """

    :root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --rule: #c8c8c8; --accent: #1d4f91; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: var(--ink); background: #fff; }
    header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
    h1 { font-size: 1.8rem; margin: 1.5rem 0 0.25rem; }
    h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid var(--accent); }
    h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
    a { color: var(--accent); }
    a:focus, a:hover { outline: 2px solid var(--accent); outline-offset: 1px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
    .lede { color: var(--muted); margin-top: 0; }
    nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0.75rem;
      margin: 1rem 0; }
    .figures div { border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 0.75rem; }
    .figures dt { color: var(--muted); font-size: 0.9rem; }
    .figures dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
    .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 0.75rem; }
    .theme-card { border: 1px solid var(--rule); border-radius: 6px; padding: 0 0.5rem 0.5rem; }
    .theme-card h3 { margin: 0.5rem 0 0.25rem; font-size: 1rem; }
    .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 0.5rem; }
    .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
    figure { margin: 0; }
    figcaption { font-size: 0.8rem; color: var(--muted); line-height: 1.25; }
    svg { max-width: 100%; height: auto; display: block; }
    .chart text { font: 11px system-ui, sans-serif; fill: #333; }
    .chart .bar { fill: var(--accent); }
    .chart .axis { stroke: #767676; stroke-width: 1; }
    .chart .zero { fill: #767676; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
    th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--rule); }
    caption { text-align: left; color: var(--muted); font-size: 0.9rem; padding: 0.25rem 0; }
    thead th { border-bottom: 2px solid var(--ink); font-size: 0.9rem; }
    td.text { max-width: 40rem; }
    .meta { color: var(--muted); font-size: 0.9rem; display: block; }
    .followups { margin: 0; padding-left: 1.1rem; }
    .followups li { margin-bottom: 0.4rem; }
    blockquote { margin: 0.2rem 0; padding-left: 0.6rem; border-left: 3px solid var(--rule); font-style: italic; }
    .badge { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; font-size: 0.85rem;
      font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
    .status-agreed { background: #e8eef3; color: #1f3645; }
    .status-repeated { background: #ece3f7; color: #3c1f66; }
    .status-followed-up { background: #dff3e4; color: #0b4a1e; }
    .status-update-requested { background: #deebf7; color: #0b3a66; }
    .status-no-follow-up-yet { background: #fff1cc; color: #5c3d00; }
    .status-not-assessed { background: #f0f0f0; color: #333; }
    .note { background: #f5f7fa; border-left: 4px solid var(--accent); padding: 0.5rem 0.75rem; }
    code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
    footer { color: var(--muted); font-size: 0.9rem; margin-top: 3rem; padding-bottom: 2rem; }
    @media (max-width: 40rem) {
      table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
      table.stack thead { position: absolute; left: -9999px; }
      table.stack caption { display: block; width: 100%; }
      table.stack tr { border: 1px solid var(--rule); border-radius: 6px; margin-bottom: 0.75rem; padding: 0.25rem; }
      table.stack td, table.stack tbody th { border: 0; padding: 0.2rem 0.4rem; }
      table.stack td::before { content: attr(data-label); display: block; font-weight: 600; font-size: 0.8rem;
        color: var(--muted); }
      h1 { font-size: 1.45rem; }
    }
    @media print {
      nav, .skip { display: none; }
      h2 { break-after: avoid; }
      tr, figure { break-inside: avoid; }
      a { color: var(--ink); }
    }

    """
}
