import { withTenant } from "@/lib/db";
import { notFoundResponse, registryImportUser } from "@/features/registry/import/route-access";
import { templateWorkbook, XLSX_TYPE, type TemplateArea } from "@/features/registry/import/spreadsheets";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ tenant: string }> };

/** The import template as .xlsx, with the city's kecamatan and kelurahan in its guide. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const user = await registryImportUser((await params).tenant);
  if (!user) return notFoundResponse();
  const { name, areas } = await withTenant(user.tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { name: true } });
    const list = await tx.area.findMany({ where: { level: "KECAMATAN" }, orderBy: { code: "asc" }, select: { name: true, code: true, children: { orderBy: { code: "asc" }, select: { name: true } } } });
    return { name: tenant.name, areas: list.map((k): TemplateArea => ({ kecamatan: k.name, kecamatanCode: k.code, kelurahan: k.children.map((c) => c.name) })) };
  });
  return new Response(templateWorkbook(name, areas), {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="templat-impor-registri.xlsx"`,
      "cache-control": "no-store",
    },
  });
}
