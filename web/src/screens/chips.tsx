/** Short items (skills, keywords) as a row of chips, or a sentence when there are none. */
export function Chips({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="chips">
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a corrected list may name an item twice
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
