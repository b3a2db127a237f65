// The two lists of the BPJS cover page: cover ending this month, people covered twice.
import Link from "next/link";
import { Cell, HeaderCell, Row, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";

export type CoverLine = { key: string; href: string | null; opd: string; programme: string | null; period: string; months: string; bpjsNumber: string };

export type EndingRow = { key: string; member: string; memberHref: string; cover: CoverLine };
export type TwiceRow = { key: string; member: string; memberHref: string; covers: CoverLine[] };

type Words = { member: string; bpjsNumber: string; opd: string; programme: string; period: string; months: string; covers: string; otherOpd: string };

function Period({ cover, otherOpd }: { cover: CoverLine; otherOpd: string }) {
  return cover.href ? (
    <Link href={cover.href} className="text-brand-700 underline-offset-2 hover:underline">
      {cover.period}
    </Link>
  ) : (
    <span title={otherOpd}>{cover.period}</span>
  );
}

function MemberCell({ row }: { row: { member: string; memberHref: string } }) {
  return (
    <RowHeaderCell>
      <Link href={row.memberHref} className="text-brand-700 underline-offset-2 hover:underline">
        {row.member}
      </Link>
    </RowHeaderCell>
  );
}

export function EndingTable({ rows, label, words, empty }: { rows: readonly EndingRow[]; label: string; words: Words; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <Table label={label}>
      <TableHead>
        <Row>
          <HeaderCell>{words.member}</HeaderCell>
          <HeaderCell>{words.bpjsNumber}</HeaderCell>
          <HeaderCell>{words.opd}</HeaderCell>
          <HeaderCell>{words.programme}</HeaderCell>
          <HeaderCell>{words.period}</HeaderCell>
          <HeaderCell numeric>{words.months}</HeaderCell>
        </Row>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <Row key={row.key}>
            <MemberCell row={row} />
            <Cell className="font-mono">{row.cover.bpjsNumber}</Cell>
            <Cell>{row.cover.opd}</Cell>
            <Cell>{row.cover.programme ?? "–"}</Cell>
            <Cell>
              <Period cover={row.cover} otherOpd={words.otherOpd} />
            </Cell>
            <Cell numeric>{row.cover.months}</Cell>
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}

export function TwiceTable({ rows, label, words, empty }: { rows: readonly TwiceRow[]; label: string; words: Words; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <Table label={label}>
      <TableHead>
        <Row>
          <HeaderCell>{words.member}</HeaderCell>
          <HeaderCell>{words.covers}</HeaderCell>
        </Row>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <Row key={row.key}>
            <MemberCell row={row} />
            <Cell>
              <ul className="space-y-1">
                {row.covers.map((cover) => (
                  <li key={cover.key}>
                    <Period cover={cover} otherOpd={words.otherOpd} /> · {cover.programme ? `${cover.opd}, ${cover.programme}` : cover.opd} ·{" "}
                    <span className="font-mono">{cover.bpjsNumber}</span>
                  </li>
                ))}
              </ul>
            </Cell>
          </Row>
        ))}
      </TableBody>
    </Table>
  );
}
