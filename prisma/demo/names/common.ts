/** Names heard across Indonesia, mostly Muslim and Javanese; used as one or two words. */
export const commonNames = {
  male: [
    "Muhammad", "Ahmad", "Abdul", "Rahmat", "Hidayat", "Agus", "Budi", "Hendra", "Rizki", "Fajar",
    "Andi", "Dedi", "Eko", "Joko", "Slamet", "Bambang", "Arif", "Irfan", "Yusuf", "Ilham",
    "Firmansyah", "Saputra", "Hasan", "Ridwan", "Syamsul", "Nasrullah", "Taufik", "Wahyu", "Dimas", "Bayu",
    "Rudi", "Hamzah", "Zainal", "Fauzi", "Iwan", "Herman", "Sutrisno", "Kurniawan", "Setiawan", "Aditya",
  ],
  female: [
    "Siti", "Nur", "Sri", "Dewi", "Rina", "Wati", "Aminah", "Fatimah", "Aisyah", "Rahmawati",
    "Lestari", "Wahyuni", "Yuliana", "Nurhayati", "Suryani", "Ratna", "Indah", "Putri", "Ayu", "Fitri",
    "Kartini", "Sulastri", "Handayani", "Rohani", "Mulyani", "Anisa", "Zahra", "Nabila", "Safitri", "Maya",
    "Hartini", "Ernawati", "Susanti", "Novita", "Khadijah", "Halimah", "Yanti", "Sumiati", "Rosmini", "Salsabila",
  ],
} as const;
