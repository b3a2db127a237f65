import { getLocale, getTranslations } from "next-intl/server";
import type { HomeTask } from "@/features/home/tasks/task";
import { formatNumber } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { HomeCard, HomeCardGrid } from "./home-card";

/** The home page's "waiting for you": one card per task, each leading to the list of exactly its rows. */
export async function TaskCards({ tasks }: { tasks: readonly HomeTask[] }) {
  if (tasks.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("Home.tasks"), getLocale() as Promise<AppLocale>]);
  return (
    <HomeCardGrid id="home-tasks" title={t("title")}>
      {tasks.map((task) => (
        <HomeCard
          key={task.key}
          href={task.href}
          testId={`task-${task.key}`}
          highlighted={task.count > 0}
          figure={formatNumber(task.count, { locale })}
          label={t(`labels.${task.key}`, { count: task.count })}
          details={task.oldestDays !== undefined ? [t("oldest", { days: formatNumber(task.oldestDays, { locale }) })] : undefined}
        />
      ))}
    </HomeCardGrid>
  );
}
