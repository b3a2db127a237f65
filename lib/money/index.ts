export {
  MAX_RUPIAH,
  applyBasisPoints,
  divideRoundHalfUp,
  percentOf,
  splitEvenly,
  sumRupiah,
  toRupiah,
  type Rupiah,
} from "./rupiah";
export { parseRupiah, type ParseRupiahErrorCode, type ParseRupiahOptions, type ParseRupiahResult } from "./parse";
