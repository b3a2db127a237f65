import type { Disability, Education, FamilyRelation, Sex } from "@/lib/generated/prisma/enums";
import { addDays, utcDate } from "@/lib/calendar/days";
import type { FamilyNaming } from "../names";
import type { Random } from "../random";

/** A household member before NIK and birthplace are assigned. */
export type FamilyPerson = {
  name: string;
  sex: Sex;
  age: number;
  birthDate: Date;
  relation: FamilyRelation;
  education: Education | null;
  occupation: string;
  disability: Disability | null;
};

const HOUSEHOLD_SIZES = [
  [1, 8],
  [2, 14],
  [3, 20],
  [4, 24],
  [5, 18],
  [6, 10],
  [7, 6],
] as const;

const WORK = [
  ["Buruh Harian Lepas", 30],
  ["Pedagang", 12],
  ["Wiraswasta", 12],
  ["Karyawan Swasta", 7],
  ["Tukang Batu", 6],
  ["Petani/Pekebun", 5],
  ["Nelayan/Perikanan", 4],
  ["Sopir", 5],
  ["Tukang Kayu", 4],
  ["Buruh Tani/Perkebunan", 3],
  ["Belum/Tidak Bekerja", 12],
] as const;

const DISABILITIES = [
  ["PHYSICAL", 40],
  ["SENSORY", 25],
  ["INTELLECTUAL", 15],
  ["MENTAL", 12],
  ["MULTIPLE", 8],
] as const;

/**
 * One poor household as printed on its kartu keluarga: a head, usually a spouse, children
 * whose ages fit their mother's, sometimes an elderly parent or grandchildren.
 */
export function generateFamily(random: Random, naming: FamilyNaming, snapshot: Date): FamilyPerson[] {
  const size = random.weighted(HOUSEHOLD_SIZES);
  const femaleHead = random.chance(size === 1 ? 0.45 : 0.15);
  const headAge = size === 1 ? random.int(30, 85) : random.int(23, 68);
  const people: FamilyPerson[] = [];
  const add = (sex: Sex, age: number, relation: FamilyRelation, name: string) => people.push(person(random, snapshot, { sex, age, relation, name }));

  const headSex: Sex = femaleHead ? "FEMALE" : "MALE";
  add(headSex, headAge, "HEAD", naming.head(headSex));

  let slots = size - 1;
  let motherAge = femaleHead ? headAge : headAge - random.int(2, 6);
  if (!femaleHead && slots > 0 && random.chance(0.92)) {
    motherAge = Math.max(18, headAge - random.int(-2, 8));
    add("FEMALE", motherAge, "SPOUSE", naming.spouse("FEMALE"));
    slots -= 1;
  }
  if (slots >= 2 && headAge < 58 && random.chance(0.12)) {
    const sex: Sex = random.chance(0.75) ? "FEMALE" : "MALE";
    add(sex, Math.min(92, headAge + random.int(22, 32)), random.chance(0.7) ? "PARENT" : "PARENT_IN_LAW", naming.relative(sex));
    slots -= 1;
  }

  const oldestPossible = Math.min(motherAge - 17, 32);
  let childAge = oldestPossible - random.int(0, Math.min(10, Math.max(0, oldestPossible)));
  for (let order = 1; slots > 0; order++, slots--) {
    const sex: Sex = random.chance(0.5) ? "MALE" : "FEMALE";
    if (childAge >= 0) {
      add(sex, childAge, "CHILD", naming.child(sex, order));
      childAge -= random.int(1, 4);
    } else if (headAge >= 45) {
      add(sex, random.int(0, 8), "GRANDCHILD", naming.relative(sex));
    } else {
      add(sex, random.int(5, 30), "OTHER_RELATIVE", naming.relative(sex));
    }
  }
  return people;
}

function person(random: Random, snapshot: Date, { sex, age, relation, name }: { sex: Sex; age: number; relation: FamilyRelation; name: string }): FamilyPerson {
  const lastBirthday = utcDate(snapshot.getUTCFullYear() - age, snapshot.getUTCMonth() + 1, snapshot.getUTCDate());
  return {
    name,
    sex,
    age,
    // Babies are at least a month old: registered, and on a card issued after their birth.
    birthDate: addDays(lastBirthday, -random.int(age === 0 ? 30 : 0, 364)),
    relation,
    education: education(random, age),
    occupation: occupation(random, age, sex, relation),
    disability: age >= 5 && random.chance(0.025) ? random.weighted(DISABILITIES) : null,
  };
}

function education(random: Random, age: number): Education | null {
  if (age < 5) return null;
  if (age < 7) return "NONE";
  if (age <= 12) return "NOT_FINISHED_SD";
  if (age <= 15) return "SD";
  if (age <= 18) return "SMP";
  if (age >= 60) {
    return random.weighted<Education>([
      ["NONE", 25],
      ["NOT_FINISHED_SD", 30],
      ["SD", 30],
      ["SMP", 10],
      ["SMA", 5],
    ]);
  }
  return random.weighted<Education>([
    ["NONE", 4],
    ["NOT_FINISHED_SD", 10],
    ["SD", 28],
    ["SMP", 26],
    ["SMA", 27],
    ["DIPLOMA", 3],
    ["BACHELOR", 2],
  ]);
}

function occupation(random: Random, age: number, sex: Sex, relation: FamilyRelation): string {
  if (age < 5) return "Belum/Tidak Bekerja";
  if (age <= 18) return random.chance(0.9) ? "Pelajar/Mahasiswa" : "Belum/Tidak Bekerja";
  if (age <= 22 && random.chance(0.25)) return "Pelajar/Mahasiswa";
  if (age >= 65) return random.chance(0.75) ? "Belum/Tidak Bekerja" : random.weighted(WORK);
  if (sex === "FEMALE" && relation !== "HEAD" && random.chance(0.6)) return "Mengurus Rumah Tangga";
  return random.weighted(WORK);
}
