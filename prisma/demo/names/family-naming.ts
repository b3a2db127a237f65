import type { Sex } from "@/lib/generated/prisma/enums";
import type { Random } from "../random";
import { baliNames } from "./bali";
import { commonNames } from "./common";
import { sasakNames } from "./sasak";
import { timorNames } from "./timor";

export type Culture = "sasak" | "bali" | "timor" | "umum";

/** Names the members of one household so that they fit together (shared marga, Lalu/Baiq, birth order). */
export type FamilyNaming = {
  head(sex: Sex): string;
  spouse(sex: Sex): string;
  /** `order` is 1 for the first-born child. */
  child(sex: Sex, order: number): string;
  /** Parents, in-laws and other relatives living in the household. */
  relative(sex: Sex): string;
};

export function createFamilyNaming(culture: Culture, random: Random): FamilyNaming {
  switch (culture) {
    case "sasak":
      return sasakFamily(random);
    case "bali":
      return baliFamily(random);
    case "timor":
      return timorFamily(random);
    case "umum":
      return commonFamily(random);
  }
}

function sasakFamily(random: Random): FamilyNaming {
  const noble = random.chance(0.15);
  const given = (sex: Sex) => {
    const list = sex === "MALE" ? sasakNames.male : sasakNames.female;
    return random.chance(0.4) ? `${random.pick(list)} ${random.pick(list)}` : random.pick(list);
  };
  const withTitle = (sex: Sex, isNoble: boolean) => (isNoble ? `${sasakNames.noblePrefix[sex]} ${given(sex)}` : given(sex));
  return {
    head: (sex) => withTitle(sex, noble),
    spouse: (sex) => withTitle(sex, noble && random.chance(0.5)),
    child: (sex) => withTitle(sex, noble),
    relative: (sex) => withTitle(sex, noble && random.chance(0.5)),
  };
}

function baliFamily(random: Random): FamilyNaming {
  const person = (sex: Sex, order: number) => {
    const orders = baliNames.birthOrder[sex];
    const orderName = random.pick(orders[(order - 1) % orders.length]!);
    const given = random.pick(sex === "MALE" ? baliNames.male : baliNames.female);
    return `${baliNames.prefix[sex]} ${orderName} ${given}`;
  };
  return {
    head: (sex) => person(sex, random.int(1, 4)),
    spouse: (sex) => person(sex, random.int(1, 4)),
    child: (sex, order) => person(sex, order),
    relative: (sex) => person(sex, random.int(1, 4)),
  };
}

function timorFamily(random: Random): FamilyNaming {
  const familyMarga = random.pick(timorNames.marga);
  const given = (sex: Sex) => {
    const list = sex === "MALE" ? timorNames.male : timorNames.female;
    return random.chance(0.3) ? `${random.pick(list)} ${random.pick(list)}` : random.pick(list);
  };
  return {
    head: (sex) => `${given(sex)} ${familyMarga}`,
    // Many wives keep their own marga on the KK.
    spouse: (sex) => `${given(sex)} ${random.chance(0.5) ? familyMarga : random.pick(timorNames.marga)}`,
    child: (sex) => `${given(sex)} ${familyMarga}`,
    relative: (sex) => `${given(sex)} ${random.pick(timorNames.marga)}`,
  };
}

function commonFamily(random: Random): FamilyNaming {
  const person = (sex: Sex) => {
    const list = sex === "MALE" ? commonNames.male : commonNames.female;
    const first = random.pick(list);
    if (!random.chance(0.6)) return first;
    const second = random.pick(list);
    return second === first ? first : `${first} ${second}`;
  };
  return { head: person, spouse: person, child: person, relative: person };
}
