import { getTranslations } from "next-intl/server";

/** "auth.sign_in_failed" → "Gagal masuk"; an action the catalogue does not know shows as recorded. */
export async function actionLabel(): Promise<(action: string) => string> {
  const t = await getTranslations("Audit.actions");
  return (action) => {
    const key = action as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : action;
  };
}

/** "Household" → "Keluarga (KK)"; an unknown entity shows as recorded. */
export async function entityLabel(): Promise<(entity: string) => string> {
  const t = await getTranslations("Audit.entities");
  return (entity) => {
    const key = entity as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : entity;
  };
}

/** "opdId" → "OPD", "verifiedById" → "Diverifikasi oleh"; a field the catalogue does not know shows as recorded. */
export async function fieldLabels(): Promise<(field: string) => string> {
  const t = await getTranslations("Audit.fields");
  return (field) => {
    const key = field as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : field;
  };
}
