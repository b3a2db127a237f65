const ACRONYMS = new Set(["DKI", "DI"]);
const ROMAN_NUMERAL = /^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$/i;

/**
 * Title Case for names that idn-area-data gives in capitals ("KOTA MATARAM" → "Kota
 * Mataram", "DKI JAKARTA" stays "DKI"). Names already in mixed case are returned as given:
 * the source spells them deliberately ("Manulai II", "Sayang-sayang").
 */
export function toTitleCase(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed
    .split(" ")
    .map((word) => (ACRONYMS.has(word) || ROMAN_NUMERAL.test(word) ? word : capitalise(word)))
    .join(" ");
}

function capitalise(word: string): string {
  return word.toLowerCase().replace(/(^|[-(.'/])(\p{L})/gu, (_match, boundary: string, letter: string) => boundary + letter.toUpperCase());
}
