/**
 * Sasak (Lombok) names. Noble families pass "Lalu" to sons and "Baiq" to daughters;
 * given names are mostly Arabic-Muslim with Sasak forms.
 */
export const sasakNames = {
  male: [
    "Muhammad", "Ahmad", "Zainal", "Sahnan", "Junaidi", "Mahsun", "Sapri", "Marzuki", "Saepul", "Rusdi",
    "Hamdan", "Sahrul", "Maswadi", "Jumadil", "Kamarudin", "Sudirman", "Mustiadi", "Irwan", "Hadi", "Lukman",
    "Mahnan", "Sahudin", "Amrullah", "Suhaimi", "Abdurrahman", "Fathurrahman", "Zulkarnain", "Saparudin", "Hairul", "Munawir",
    "Wirawan", "Satriawan", "Sukri", "Mardan", "Azhar", "Mashur", "Nurdin", "Kusnadi", "Hulaimi", "Rizal",
  ],
  female: [
    "Hajrah", "Rohani", "Mariani", "Hadijah", "Sumarni", "Zaenab", "Inayah", "Nurul", "Sahnun", "Murniati",
    "Sri", "Rukiah", "Maesarah", "Saniah", "Haerani", "Nurhasanah", "Rabiah", "Sahariah", "Juniarti", "Fitriani",
    "Aisyah", "Mardiah", "Hilmiati", "Suhartini", "Nurjannah", "Sumiati", "Rahmatun", "Hairunnisa", "Wardatun", "Rabiatul",
    "Laela", "Mahniati", "Saptiana", "Khairunnisa", "Nurmala", "Suriati", "Kartini", "Halimah", "Zuhriah", "Marhamah",
  ],
  noblePrefix: { MALE: "Lalu", FEMALE: "Baiq" },
} as const;
