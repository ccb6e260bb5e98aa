// The one shape of a management screen: a kind of record listed with Edit and Delete per row, and
// one form that adds a record or, after Edit, changes the chosen one through the update mutation
// (the API's update takes the same input as its create, so one form serves both).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { canWrite, type FieldProps, Listing, ManageForm, ReadError, type Role, succeeded } from './form.tsx';

/** A mutation's answer: its success, or one of its typed errors (see succeeded()). */
type Outcome = { __typename: string };

export interface RecordKind<R extends { id: string }> {
  /** The record in words: "goal", "short link". */
  noun: string;
  /** The add button's words when not "Add <noun>". */
  addLabel?: string;
  caption: string;
  columns: { label: string; cell: (row: R) => ComponentChildren }[];
  nameOf: (row: R) => string;
  /** The form's fields; `editing` is the record being changed, if any. */
  fields: (values: FormData, editing: R | undefined) => (FieldProps | ComponentChildren)[];
  /** A record as the form's values (what Edit opens the form with). */
  prefill: (row: R) => Record<string, string | boolean>;
  /** Whether the form can change a record without losing what it does not show (default: yes). */
  editable?: (row: R) => boolean;
  /** Creates (no `editing`) or updates the record; answers the mutation's result union. */
  save: (data: FormData, editing: R | undefined) => Promise<Outcome>;
  remove: (row: R) => Promise<Outcome>;
  /** After a save, for forms with state of their own (a number of steps). */
  onSaved?: () => void;
  /** Before the form opens on a record (or closes), with it. */
  onEdit?: (row: R | undefined) => void;
}

export function Records<R extends { id: string }>(props: {
  kind: RecordKind<R>;
  role: Role;
  rows: R[] | undefined;
  error: unknown;
  refresh: () => void;
}) {
  const { kind, role } = props;
  const [editing, setEditing] = useState<R>();
  const formRef = useRef<HTMLDivElement>(null);
  const writable = canWrite(role);
  const edit = (row: R | undefined) => {
    kind.onEdit?.(row);
    setEditing(row);
  };
  // Edit moves the keyboard to the form it opened; Cancel and Save leave it on the add form.
  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [editing]);
  const article = /^[aeiou]/i.test(kind.noun) ? 'an' : 'a';
  return (
    <>
      {props.error ? <ReadError error={props.error} /> : null}
      {props.rows && (
        <Listing
          caption={kind.caption}
          rows={props.rows}
          nameOf={kind.nameOf}
          columns={kind.columns}
          actions={
            writable
              ? (row) =>
                  (kind.editable?.(row) ?? true) && (
                    <button type="button" class="link" onClick={() => edit(row)}>
                      Edit<span class="visually-hidden"> {kind.nameOf(row)}</span>
                    </button>
                  )
              : undefined
          }
          onDelete={
            writable
              ? async (row) => {
                  succeeded(await kind.remove(row));
                  if (editing?.id === row.id) edit(undefined);
                  props.refresh();
                }
              : undefined
          }
        />
      )}
      {writable && (
        <div ref={formRef}>
          <ManageForm
            key={editing?.id ?? 'new'}
            title={editing ? `Edit ${kind.noun} ${kind.nameOf(editing)}` : `Add ${article} ${kind.noun}`}
            submit={editing ? 'Save changes' : (kind.addLabel ?? `Add ${kind.noun}`)}
            initial={editing && kind.prefill(editing)}
            fields={(values) => kind.fields(values, editing)}
            onCancel={editing ? () => edit(undefined) : undefined}
            onSubmit={async (data) => {
              succeeded(await kind.save(data, editing));
              kind.onSaved?.();
              if (editing) edit(undefined);
              props.refresh();
            }}
          />
        </div>
      )}
    </>
  );
}
