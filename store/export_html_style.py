"""The inline style sheet of the HTML export: a readable page on screen and on
paper (A4 or Letter), with an optional margin column for review notes. Colours
are print-friendly greys and one accent; nothing is loaded from elsewhere."""

STYLE = """
:root { --ink: rgb(29 29 31); --muted: rgb(95 99 104); --rule: rgb(208 212 217); --zebra: rgb(245 246 248); --accent: rgb(11 87 208);
        --note-bg: rgb(255 247 224); --note-rule: rgb(224 168 0); }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--ink); background: rgb(255 255 255);
       font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
body.review main { max-width: 72rem; }
header { border-bottom: 3px solid var(--ink); margin-bottom: 1.5rem; padding-bottom: .75rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .35rem; overflow-wrap: anywhere; }
.subtitle { color: var(--muted); margin: 0; }
.review-banner { margin: .75rem 0 0; padding: .5rem .75rem; background: var(--note-bg);
                 border-left: 4px solid var(--note-rule); }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p, li { overflow-wrap: anywhere; }
ul { padding-left: 1.4rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em;
       background: var(--zebra); padding: .05em .3em; border-radius: 3px; }
pre { background: var(--zebra); padding: .75rem; overflow-x: auto; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .55rem; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
th { background: var(--zebra); font-weight: 600; }
tbody tr:nth-child(even) td { background: rgb(250 251 252); }
.part-timeline td:first-child, .part-timeline td:nth-child(2) { white-space: nowrap; }
.part-timeline td:nth-child(2) { color: var(--muted); }
.part-actions th, .part-actions td:not(:nth-child(2)) { white-space: nowrap; font-variant-numeric: tabular-nums; }
body.review .part { display: grid; grid-template-columns: minmax(0, 1fr) 17rem; column-gap: 1.5rem; }
.margin-notes { font-size: .85rem; padding-top: 2.6rem; }
.margin-notes ul { list-style: none; padding: 0; margin: 0; }
.margin-notes li { background: var(--note-bg); border-left: 3px solid var(--note-rule); padding: .4rem .55rem;
                   margin-bottom: .5rem; }
.margin-notes li.warning { border-left-color: rgb(179 38 30); }
.margin-notes q { font-weight: 600; }
@media (max-width: 48rem) { body.review .part { display: block; } .margin-notes { padding-top: 0; } }
@media print {
  @page { margin: 18mm 16mm; }
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  body.review main { max-width: none; }
  a { color: inherit; text-decoration: none; }
  .part-links a[href]::after { content: " (" attr(href) ")"; color: var(--muted); font-size: .9em; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, .margin-notes li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) td { background: none; }
}
"""
