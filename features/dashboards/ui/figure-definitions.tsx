/**
 * What each figure of a panel means, one name and one definition a line, printed with the
 * panel: the names are the ones on the cards and the table columns above.
 */
export function FigureDefinitions({ title, items }: { title: string; items: readonly { term: string; definition: string }[] }) {
  return (
    <section aria-label={title} className="max-w-4xl text-sm text-muted print:text-xs">
      <h3 className="font-medium text-ink">{title}</h3>
      <dl className="mt-1 space-y-1">
        {items.map(({ term, definition }) => (
          <div key={term}>
            <dt className="inline font-medium text-ink">{term}: </dt>
            <dd className="inline">{definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
