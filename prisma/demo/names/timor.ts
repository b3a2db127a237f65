/**
 * Names of Kupang's Timorese, Rotenese, Sabu and Flores families: Christian given names
 * and a family name (marga) passed down from the father.
 */
export const timorNames = {
  male: [
    "Yohanis", "Frans", "Yakobus", "Markus", "Petrus", "Agustinus", "Yosef", "Daniel", "Melkianus", "Simon",
    "Obed", "Yunus", "Ferdinand", "Aleksander", "Marthen", "Stefanus", "Paulus", "Lukas", "Yermias", "Domingus",
    "Benyamin", "Yulius", "Hendrik", "Matheos", "Oktovianus", "Kornelis", "Arnoldus", "Yeremia", "Ruben", "Elias",
  ],
  female: [
    "Maria", "Yuliana", "Margaretha", "Agustina", "Elisabeth", "Yohana", "Sarlota", "Marta", "Ester", "Debora",
    "Naomi", "Ance", "Oktovina", "Florentina", "Theresia", "Veronika", "Kristina", "Yosefina", "Adriana", "Magdalena",
    "Selfina", "Dorkas", "Ribka", "Welmince", "Imelda", "Fransiska", "Yublina", "Mersiana", "Regina", "Anastasia",
  ],
  marga: [
    "Ndun", "Manafe", "Nenabu", "Benu", "Tefa", "Pah", "Lay", "Bessie", "Ratu", "Nalle",
    "Messakh", "Ndolu", "Sinlae", "Adoe", "Bire", "Haning", "Toelle", "Fanggidae", "Riwu", "Kana",
    "Lado", "Tallo", "Pello", "Lopo", "Seran", "Taek", "Bria", "Nahak", "Boimau", "Selan",
    "Tanono", "Nomleni", "Kolo", "Dethan", "Ully", "Ledo", "Dimu", "Kiuk", "Amalo", "Mooy",
    "Da Costa", "Fernandez", "Parera", "Kelen", "Lamablawa", "Boli", "Koten", "Wadu", "Djami", "Lomi",
  ],
} as const;
