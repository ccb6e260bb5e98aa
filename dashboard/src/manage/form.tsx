// What every management screen is made of: a form whose errors come from the API (BAD_USER_INPUT
// issues beside the fields they name, other typed errors above the submit button), a list of
// records with a confirmed delete, and the refusal of a role shown as the API typed it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { TidemarkError } from '../../../client/client.ts';
import { type FragmentType, useFragment as unmask } from '../../../client/generated/fragment-masking.ts';
import { FailureFragmentDoc } from '../../../client/generated/graphql.ts';
import { errorCode } from '../api.ts';

export type Role = 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';

/** What a role may change, as the API's role scopes say (api/auth.ts ROLE_SCOPES). */
export const canWrite = (role: Role) => role !== 'VIEWER';
export const canAdmin = (role: Role) => role === 'OWNER' || role === 'ADMIN';

/** A version to pass as `refresh` to useQuery, and what bumps it (after each mutation). */
export function useVersion(): [number, () => void] {
  const [version, setVersion] = useState(0);
  return [version, () => setVersion((n) => n + 1)];
}

/** An enum value as words: `PAGE_VIEW` → "Page view". */
export const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');

/** A period in its largest whole unit: 86400 → "1 d", 300 → "5 min". */
export function formatPeriod(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
  ] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size} ${unit}`;
  }
  return `${seconds} s`;
}

/** A refusal to show: the message, and per field (the input's path without `input`) its own. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The success of a result union, or a Refusal of its typed error: the error members select the
 * Failure fragment (client/operations/manage.graphql), masked in their types and unmasked here only.
 */
export function succeeded<T extends { __typename: string }>(outcome: T): T {
  if (outcome.__typename.endsWith('Success')) return outcome;
  const failure = unmask(FailureFragmentDoc, outcome as FragmentType<typeof FailureFragmentDoc>);
  if (!failure.code) return outcome;
  throw new Refusal(`${failure.message} (${failure.code})`, failure.code);
}

/** Any failure as a Refusal: BAD_USER_INPUT's issues by field, FORBIDDEN as the role's limit. */
export function refusalOf(failure: unknown): Refusal {
  if (failure instanceof Refusal) return failure;
  if (!(failure instanceof TidemarkError)) return new Refusal((failure as Error).message, undefined);
  const issues = failure.errors.flatMap(
    (error) => (error.extensions?.issues ?? []) as { path: string[]; message: string }[],
  );
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const path = issue.path[0] === 'input' ? issue.path.slice(1) : issue.path;
    const name = path.join('.');
    if (name) fields[name] = fields[name] ? `${fields[name]}; ${issue.message}` : issue.message;
    else rest.push(issue.message);
  }
  const code = failure.code;
  if (code === 'FORBIDDEN') return new Refusal(`Your role does not allow this: ${failure.message} (FORBIDDEN)`, code);
  if (issues.length) return new Refusal(rest.join('; ') || 'Check the fields marked below.', code, fields);
  return new Refusal(`${failure.message}${code ? ` (${code})` : ''}`, code);
}

/** The error of a field: its own, or its nearest parent's (`steps.1.target` → `steps.1`, `steps`). */
function fieldError(fields: Record<string, string>, name: string): string | undefined {
  const parts = name.split('.');
  for (let n = parts.length; n > 0; n--) {
    const own = fields[parts.slice(0, n).join('.')];
    if (own) return own;
  }
  return undefined;
}

/** Issues naming no field the form shows (they are listed with the form's message). */
function unplaced(fields: Record<string, string>, names: string[]) {
  return Object.entries(fields)
    .filter(([path]) => !names.some((name) => fieldError({ [path]: 'x' }, name)))
    .map(([path, message]) => `${path}: ${message}`);
}

export interface FieldProps {
  name: string;
  label: string;
  type?: 'text' | 'url' | 'number' | 'email' | 'datetime-local' | 'checkbox';
  required?: boolean;
  hint?: string;
  value?: string;
  checked?: boolean;
  min?: number;
  max?: number;
  placeholder?: string;
  options?: { value: string; label: string }[];
}

interface FormContext {
  errors: Record<string, string>;
  id: string;
}

let forms = 0;

/**
 * A form of the API: `submit` runs the mutation with the form's values; on failure the API's
 * messages are shown, each issue beside its field. `fields` render in order (a function of the
 * current values, for fields that depend on others).
 */
export function ManageForm(props: {
  title: string;
  submit: string;
  fields: (values: FormData) => (FieldProps | ComponentChildren)[];
  onSubmit: (data: FormData) => Promise<void>;
  /** After a success: the form is cleared unless this says otherwise. */
  keep?: boolean;
  /** The values the form opens with (editing a record): text by field name, or a checkbox's state. */
  initial?: Record<string, string | boolean>;
  /** Shown as a Cancel button (leaving an edit unsaved). */
  onCancel?: () => void;
}) {
  const [id] = useState(() => `form-${++forms}`);
  const [values, setValues] = useState(() => formData(props.initial));
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const items = props.fields(values);
  const context: FormContext = { errors: refusal?.fields ?? {}, id };
  const names = items.filter(isField).map((field) => field.name);
  const extra = refusal ? unplaced(refusal.fields, names) : [];
  return (
    <form
      class="manage"
      aria-labelledby={`${id}-title`}
      noValidate
      onInput={(event) => setValues(new FormData(event.currentTarget))}
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        setBusy(true);
        setRefusal(undefined);
        try {
          await props.onSubmit(new FormData(form));
          if (!props.keep) {
            form.reset();
            setValues(new FormData(form));
          }
        } catch (failure) {
          setRefusal(refusalOf(failure));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      {items.map((item) =>
        isField(item) ? <Field key={item.name} {...prefilled(item, props.initial)} context={context} /> : item,
      )}
      {refusal && (
        <p class="message error" role="alert" data-code={refusal.code}>
          {[refusal.message, ...extra].join(' ')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {props.submit}
      </button>
      {props.onCancel && (
        <button type="button" class="link" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}

function formData(initial: Record<string, string | boolean> = {}) {
  const data = new FormData();
  for (const [name, value] of Object.entries(initial)) {
    if (value === true) data.set(name, 'on');
    else if (typeof value === 'string') data.set(name, value);
  }
  return data;
}

/** A field with its initial value, when the form has one. */
function prefilled(field: FieldProps, initial: Record<string, string | boolean> = {}): FieldProps {
  const value = initial[field.name];
  if (value === undefined) return field;
  return typeof value === 'boolean' ? { ...field, checked: value } : { ...field, value };
}

const isField = (item: unknown): item is FieldProps =>
  typeof item === 'object' && item !== null && 'name' in item && 'label' in item;

function Field({ context, ...field }: FieldProps & { context: FormContext }) {
  const error = fieldError(context.errors, field.name);
  const inputId = `${context.id}-${field.name}`;
  const described = [field.hint && `${inputId}-hint`, error && `${inputId}-error`].filter(Boolean).join(' ');
  const common = {
    id: inputId,
    name: field.name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  };
  return (
    <div class={field.type === 'checkbox' ? 'field check' : 'field'}>
      <label for={inputId}>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      {field.options ? (
        <select {...common} required={field.required}>
          {field.options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === field.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={(field.type ?? 'text') as 'text'}
          required={field.required}
          defaultValue={field.value}
          defaultChecked={field.checked}
          min={field.min}
          max={field.max}
          placeholder={field.placeholder}
        />
      )}
      {field.hint && (
        <small id={`${inputId}-hint`} class="hint">
          {field.hint}
        </small>
      )}
      {error && (
        <small id={`${inputId}-error`} class="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

/** A form's text value, or undefined when empty (the API's default applies). */
export const optional = (data: FormData, name: string) => String(data.get(name) ?? '').trim() || undefined;
export const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
export const checked = (data: FormData, name: string) => data.get(name) === 'on';
/** A number field: its integer, or undefined when empty. */
export function integer(data: FormData, name: string): number | undefined {
  const value = optional(data, name);
  return value === undefined ? undefined : Number(value);
}
/** A datetime-local field (the browser's time zone) as an ISO instant, or undefined when empty. */
export function instant(data: FormData, name: string): string | undefined {
  const value = optional(data, name);
  if (value === undefined) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString();
}
/** Lines or commas → a list of values. */
export const list = (data: FormData, name: string) =>
  text(data, name)
    .split(/[\n,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** A failed read: the API's typed refusal, named as such. */
export function ReadError({ error }: { error: unknown }) {
  const refusal = refusalOf(error);
  const forbidden = refusal.code === 'FORBIDDEN' || errorCode(error) === 'UNAUTHENTICATED';
  return (
    <p class="message error" role="alert" data-code={refusal.code}>
      {forbidden && errorCode(error) === 'UNAUTHENTICATED' ? 'Sign in to manage this organization.' : refusal.message}
    </p>
  );
}

/**
 * Records as a table, each with its delete (asked twice: Delete, then Confirm). A failed delete
 * shows the API's refusal in the row.
 */
export function Listing<R extends { id: string }>(props: {
  caption: string;
  rows: R[];
  columns: { label: string; cell: (row: R) => ComponentChildren }[];
  nameOf: (row: R) => string;
  onDelete?: (row: R) => Promise<void>;
  /** Whether a row can still be deleted (default: every row). */
  deletable?: (row: R) => boolean;
  deleteLabel?: string;
  actions?: (row: R) => ComponentChildren;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failures, setFailures] = useState<Record<string, string>>({});
  const verb = props.deleteLabel ?? 'Delete';
  if (!props.rows.length) return <p class="message">None yet.</p>;
  const withActions = !!props.onDelete || !!props.actions;
  return (
    <div class="scroll">
      <table class="manage">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column.label}>
                {column.label}
              </th>
            ))}
            {withActions && (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} data-id={row.id}>
              {props.columns.map((column, n) =>
                n === 0 ? (
                  <th scope="row" key={column.label}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.label}>{column.cell(row)}</td>
                ),
              )}
              {withActions && (
                <td class="actions">
                  {props.actions?.(row)}
                  {props.onDelete &&
                    (props.deletable?.(row) ?? true) &&
                    (confirming === row.id ? (
                      <>
                        <button
                          type="button"
                          class="danger"
                          onClick={async () => {
                            setConfirming(null);
                            try {
                              await props.onDelete?.(row);
                            } catch (failure) {
                              setFailures({ ...failures, [row.id]: refusalOf(failure).message });
                            }
                          }}
                        >
                          Confirm {verb.toLowerCase()}
                          <span class="visually-hidden"> {props.nameOf(row)}</span>
                        </button>
                        <button type="button" class="link" onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </>
                    ) : (
                      <button type="button" class="link" onClick={() => setConfirming(row.id)}>
                        {verb}
                        <span class="visually-hidden"> {props.nameOf(row)}</span>
                      </button>
                    ))}
                  {failures[row.id] && (
                    <span class="field-error" role="alert">
                      {failures[row.id]}
                    </span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A value to copy (a snippet, a secret, a link) with its Copy button. */
export function Copyable({ label, value, id }: { label: string; value: string; id: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="copyable">
      <label for={id}>{label}</label>
      <textarea id={id} readOnly rows={Math.min(6, Math.max(2, Math.ceil(value.length / 50)))} value={value} />
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        Copy<span class="visually-hidden"> {label}</span>
      </button>
      <span role="status">{copied ? 'Copied.' : ''}</span>
    </div>
  );
}
