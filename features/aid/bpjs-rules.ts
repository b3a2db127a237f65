// BPJS Ketenagakerjaan cover bought for a member as aid: what a premium entry must hold.
import type { Rupiah } from "@/lib/money";

/**
 * The monthly premium of an informal worker (Bukan Penerima Upah) for JKK + JKM at the lowest
 * reported income: Rp 10.000 + Rp 6.800 (PP 44/2015 as amended by PP 82/2019).
 */
export const BPJS_TK_PREMIUM_PER_MONTH: Rupiah = 16_800n;

/** A KPJ (Kartu Peserta Jamsostek) number: 11 digits. */
export const KPJ_NUMBER = /^\d{11}$/;
