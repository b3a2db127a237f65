/**
 * Balinese names (Cakranegara has a large Balinese community). The second word tells the
 * birth order: Wayan/Putu/Gede first, Made/Kadek second, Nyoman/Komang third, Ketut fourth;
 * the fifth child starts again.
 */
export const baliNames = {
  birthOrder: {
    MALE: [["Wayan", "Putu", "Gede"], ["Made", "Kadek"], ["Nyoman", "Komang"], ["Ketut"]],
    FEMALE: [["Wayan", "Putu", "Luh"], ["Made", "Kadek"], ["Nyoman", "Komang"], ["Ketut"]],
  },
  male: [
    "Suarta", "Sudarma", "Artha", "Wirawan", "Suardana", "Mertayasa", "Sukadana", "Budiarta", "Arsana", "Widiana",
    "Sudiarsa", "Swastika", "Agus", "Bagus", "Darmawan", "Eka Putra", "Adi Saputra", "Yasa", "Sujana", "Antara",
  ],
  female: [
    "Ayu", "Sri Wahyuni", "Dewi", "Sukerti", "Suartini", "Sariasih", "Ariani", "Puspita", "Rai", "Wartini",
    "Sumadi", "Kartika", "Mas", "Sudiartini", "Arsini", "Sintya", "Widiastuti", "Yuliantari", "Purnami", "Astiti",
  ],
  prefix: { MALE: "I", FEMALE: "Ni" },
} as const;
