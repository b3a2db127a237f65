// Amounts in words for the loan agreement and the receipt ("dua puluh lima juta rupiah").
import angkaTerbilang from "@develoka/angka-terbilang-js";
import type { Rupiah } from "@/lib/money";

/** "Dua puluh lima juta lima ratus ribu rupiah"; the official spelling "miliar" (KBBI). */
export function rupiahInWords(amount: Rupiah): string {
  const words = angkaTerbilang(amount.toString()).replaceAll("milyar", "miliar");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} rupiah`;
}
