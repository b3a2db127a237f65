// The package ships no types: it takes a number or a string of digits.
declare module "@develoka/angka-terbilang-js" {
  export default function angkaTerbilang(value: number | string): string;
}
