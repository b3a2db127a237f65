import { tenantRoute } from "@/lib/auth/route";
import { templateWorkbook, XLSX_TYPE, type TemplateArea } from "@/features/registry/import/spreadsheets";

export const dynamic = "force-dynamic";

/** The import template as .xlsx, with the city's kecamatan and kelurahan in its guide. */
export const GET = tenantRoute({ page: "registryImport", people: false }, async ({ user, deps }) => {
  const { name, areas } = await deps.withTenant(user.tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } });
    const list = await tx.area.findMany({
      where: { level: "KECAMATAN" },
      orderBy: { code: "asc" },
      select: { name: true, code: true, children: { orderBy: { code: "asc" }, select: { name: true } } },
    });
    return {
      name: tenant.name,
      areas: list.map((k): TemplateArea => ({ kecamatan: k.name, kecamatanCode: k.code, kelurahan: k.children.map((c) => c.name) })),
    };
  });
  return new Response(templateWorkbook(name, areas), {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="templat-impor-registri.xlsx"`,
      "cache-control": "no-store",
    },
  });
});
