"""``hscb-desktop import MODULE FILE.xlsx``: the command line's import (Qt-free).

Without ``--mapping`` the proposed mapping is printed (and saved with
``--save-mapping`` for editing); every run does the dry run and prints its counts
and the first problems; ``--report`` saves the row-by-row report; ``--commit``
writes the accepted rows in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from hscb_desktop.importing import engine, importer, mapping as M, reader
from hscb_desktop.importing import values as V

ISSUES_LISTED = 20


def add_arguments(p) -> None:
    from hscb_desktop.importing import IMPORTERS

    p.add_argument("module", choices=sorted(IMPORTERS), help="the module to import into")
    p.add_argument("file", help="the tracker workbook (.xlsx)")
    p.add_argument("--sheet", help="the sheet to read (default: the first)")
    p.add_argument("--header-row", type=int, help="the header's row number (default: found)")
    p.add_argument("--mapping", help="a saved mapping (.json); default: the proposed one")
    p.add_argument("--save-mapping", help="write the mapping used to this .json file, to edit: "
                                          "values still to map are written as \"?\"; put a "
                                          "code there, or null to leave them blank")
    p.add_argument("--report", help="save the dry run's row-by-row report to this .xlsx")
    p.add_argument("--commit", action="store_true",
                   help="create the accepted rows (default: dry run only)")


def proposed(domain: str, path: Path, sheet: str | None, header_row: int | None,
             session=None) -> M.ImportMapping:
    fields = engine.fields_of(importer(domain), session)
    info = reader.inspect_sheet(path, sheet, header_row)
    samples = {h: [v[i] for _, v in info.preview] for i, h in enumerate(info.headers)}
    return M.ImportMapping(domain, columns=M.suggest_columns(info.headers, samples, fields),
                           sheet=info.sheet, header_row=info.header_row)


def run(session, args, out: TextIO, err: TextIO) -> int:
    module = importer(args.module)
    path = Path(args.file)
    if args.mapping:
        mapping = M.ImportMapping.load(args.mapping, args.module)
    else:
        mapping = proposed(args.module, path, args.sheet, args.header_row, session)
    sheet = args.sheet or mapping.sheet
    labels = {f.name: f.label for f in engine.fields_of(module, session)}
    plan = engine.prepare(path, sheet, mapping, module, header_row=args.header_row,
                          session=session)
    print(f"{path.name}, sheet {plan.info.sheet!r}, header on row {plan.info.header_row}, "
          f"{plan.rows} rows.", file=out)
    for header in plan.info.headers:
        name = mapping.columns.get(header)
        print(f"  {header!r:<32} -> {labels[name] if name else '(not imported)'}", file=out)
    for name, counts in plan.distinct.items():
        f = plan.fields[name]
        for value in counts:
            code, how = M.value_code(mapping, f, value)
            if how == M.SUGGESTED:
                print(f"  {f.label}: {value!r} read as {f.code_list.label(code)!r} (suggested)",
                      file=out)
    if args.save_mapping:
        for name, counts in plan.distinct.items():  # keep the suggestions, to edit
            chosen = mapping.values.setdefault(name, {})
            for value in counts:
                code, how = M.value_code(mapping, plan.fields[name], value)
                chosen.setdefault(value, M.UNDECIDED if how == M.UNMATCHED else code)
        for header in plan.orders:
            mapping.date_order.setdefault(header, plan.orders[header])
        print(f"Mapping saved to {mapping.save(args.save_mapping)}", file=out)
    report = engine.dry_run(session, plan)
    for note in report.notes:
        print(f"Note: {note}", file=out)
    for issue in report.issues[:ISSUES_LISTED]:
        where = f"row {issue.row}" + (f", {issue.column!r}" if issue.column else "")
        value = f" ({issue.value!r})" if issue.value else ""
        print(f"  {where}{value}: {issue.problem}", file=out)
    if len(report.issues) > ISSUES_LISTED:
        print(f"  ... and {len(report.issues) - ISSUES_LISTED} more", file=out)
    if args.report:
        from hscb_desktop.importing import report as R

        print(f"Report saved to {R.save(report, args.report)}", file=out)
    print(f"Dry run: {report.summary()}.", file=out)
    unresolved = plan.unresolved()
    if unresolved or plan.undecided_orders():
        for name, found in unresolved.items():
            print(f"Unmapped values of {labels[name]}: {', '.join(repr(v) for v in found)}",
                  file=err)
        for header in plan.undecided_orders():
            print(f"Column {header!r} needs a date order ({' or '.join(V.DATE_ORDERS)}) in the "
                  "mapping's \"date_order\".", file=err)
        print("Map them in a mapping file (--save-mapping writes one to edit) and run again.",
              file=err)
        return 1 if args.commit else 0
    if not args.commit:
        print("Nothing written: add --commit to create them.", file=out)
        return 0
    done = engine.commit(session, plan, report)
    print(f"Created {len(done.created_ids)} records ({done.duplicates} duplicates and "
          f"{done.skipped} rows skipped).", file=out)
    return 0
