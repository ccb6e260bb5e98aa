// A website's goals (every kind the API has), funnels and annotations: listed, added, changed, deleted.
import { useState } from 'preact/hooks';
import {
  type GoalType,
  ManageAnnotationsDocument,
  type ManageAnnotationsQuery,
  ManageCreateAnnotationDocument,
  ManageCreateFunnelDocument,
  ManageCreateGoalDocument,
  ManageDeleteAnnotationDocument,
  ManageDeleteFunnelDocument,
  ManageDeleteGoalDocument,
  ManageFunnelsDocument,
  type ManageFunnelsQuery,
  ManageGoalsDocument,
  type ManageGoalsQuery,
  ManageUpdateAnnotationDocument,
  ManageUpdateFunnelDocument,
  ManageUpdateGoalDocument,
} from '../../../client/generated/graphql.ts';
import { client, useQuery } from '../api.ts';
import {
  checked,
  type FieldProps,
  formatPeriod,
  instant,
  integer,
  optional,
  Refusal,
  type Role,
  text,
  useVersion,
  words,
} from './form.tsx';
import { type RecordKind, Records } from './records.tsx';

/** Each kind of goal, with what its target is (api/schema/goals.ts defines them). */
const GOAL_TYPES: { type: GoalType; target: string; placeholder: string }[] = [
  { type: 'PAGE_VIEW', target: 'Path pattern', placeholder: '/pricing or /blog/*' },
  { type: 'EVENT', target: 'Event name', placeholder: 'signup' },
  { type: 'OUTGOING_LINK', target: 'Link URL pattern', placeholder: 'https://github.com/* or *' },
  { type: 'FILE_DOWNLOAD', target: 'File extensions', placeholder: 'pdf,zip or *' },
  { type: 'NOT_FOUND', target: 'Path pattern', placeholder: '/*' },
  { type: 'SCROLL_DEPTH', target: 'Path pattern', placeholder: '/blog/*' },
];

const goalType = (data: FormData) => (String(data.get('type') ?? '') || 'PAGE_VIEW') as GoalType;
const kindOf = (type: GoalType) =>
  GOAL_TYPES.find((kind) => kind.type === type) ?? (GOAL_TYPES[0] as (typeof GOAL_TYPES)[0]);
const typeOptions = (types: GoalType[]) => types.map((type) => ({ value: type, label: words(type) }));

type Goal = ManageGoalsQuery['website']['goals']['edges'][number]['node'];

export function Goals({ id, role }: { id: string; role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageGoalsDocument, { id }, { refresh: version });
  const kind: RecordKind<Goal> = {
    noun: 'goal',
    caption: 'Goals of the website',
    nameOf: (goal) => goal.name,
    columns: [
      { label: 'Goal', cell: (goal) => goal.name },
      { label: 'Kind', cell: (goal) => words(goal.type) },
      {
        label: 'Completed by',
        cell: (goal) =>
          [
            goal.target,
            goal.propertyKey && `${goal.propertyKey} = ${goal.propertyValue ?? ''}`,
            goal.scrollPercent != null && `past ${goal.scrollPercent} %`,
          ]
            .filter(Boolean)
            .join(', '),
      },
      { label: 'Reported', cell: (goal) => (goal.enabled ? 'Yes' : 'No') },
    ],
    prefill: (goal) => ({
      name: goal.name,
      type: goal.type,
      target: goal.target,
      propertyKey: goal.propertyKey ?? '',
      propertyValue: goal.propertyValue ?? '',
      scrollPercent: goal.scrollPercent == null ? '' : String(goal.scrollPercent),
      description: goal.description ?? '',
      enabled: goal.enabled,
    }),
    fields: (values, editing) => {
      const type = goalType(values);
      const kind = kindOf(type);
      const fields: FieldProps[] = [
        { name: 'name', label: 'Name', required: true },
        { name: 'type', label: 'Completed by', options: typeOptions(GOAL_TYPES.map((k) => k.type)) },
        { name: 'target', label: kind.target, required: true, placeholder: kind.placeholder },
      ];
      if (type === 'EVENT') {
        fields.push(
          { name: 'propertyKey', label: 'Property (optional)', hint: 'Only events whose property has the value.' },
          { name: 'propertyValue', label: 'Property value' },
        );
      }
      if (type === 'SCROLL_DEPTH') {
        fields.push({
          name: 'scrollPercent',
          label: 'Scrolled past (%)',
          type: 'number',
          min: 1,
          max: 100,
          required: true,
        });
      }
      fields.push({ name: 'description', label: 'Description' });
      if (editing) fields.push({ name: 'enabled', label: 'Reported', type: 'checkbox' });
      return fields;
    },
    save: async (data, editing) => {
      const type = goalType(data);
      const input = {
        name: text(data, 'name'),
        type,
        target: text(data, 'target'),
        propertyKey: type === 'EVENT' ? optional(data, 'propertyKey') : undefined,
        propertyValue: type === 'EVENT' ? optional(data, 'propertyValue') : undefined,
        scrollPercent: type === 'SCROLL_DEPTH' ? integer(data, 'scrollPercent') : undefined,
        description: optional(data, 'description'),
        enabled: editing ? checked(data, 'enabled') : undefined,
      };
      return editing
        ? (await client.request(ManageUpdateGoalDocument, { id: editing.id, input })).updateGoal
        : (await client.request(ManageCreateGoalDocument, { websiteId: id, input })).createGoal;
    },
    remove: async (goal) => (await client.request(ManageDeleteGoalDocument, { id: goal.id })).deleteGoal,
  };
  return (
    <section class="manage-part" aria-labelledby="goals-title">
      <h2 id="goals-title">Goals</h2>
      <Records
        kind={kind}
        role={role}
        rows={state.data?.website.goals.edges.map((edge) => edge.node)}
        error={state.error}
        refresh={refresh}
      />
    </section>
  );
}

/** Funnel steps are any goal kind but scroll depth. */
const STEP_TYPES = GOAL_TYPES.map((kind) => kind.type).filter((type) => type !== 'SCROLL_DEPTH');

type Funnel = ManageFunnelsQuery['website']['funnels']['edges'][number]['node'];

export function Funnels({ id, role }: { id: string; role: Role }) {
  const [version, refresh] = useVersion();
  const [steps, setSteps] = useState(2);
  const state = useQuery(ManageFunnelsDocument, { id }, { refresh: version });
  const kind: RecordKind<Funnel> = {
    noun: 'funnel',
    caption: 'Funnels of the website',
    nameOf: (funnel) => funnel.name,
    columns: [
      { label: 'Funnel', cell: (funnel) => funnel.name },
      {
        label: 'Steps',
        cell: (funnel) => (
          <ol class="steps">
            {funnel.steps.map((step) => (
              <li key={step.id}>
                {step.name ? `${step.name}: ` : ''}
                {words(step.type)} {step.target}
              </li>
            ))}
          </ol>
        ),
      },
      { label: 'Within', cell: (funnel) => formatPeriod(funnel.windowSeconds) },
    ],
    // The form counts hours: a window of no whole hours is the API's to change.
    editable: (funnel) => funnel.windowSeconds % 3600 === 0,
    onEdit: (funnel) => setSteps(funnel ? funnel.steps.length : 2),
    onSaved: () => setSteps(2),
    prefill: (funnel) => {
      const values: Record<string, string> = { name: funnel.name, windowSeconds: String(funnel.windowSeconds / 3600) };
      funnel.steps.forEach((step, n) => {
        values[`steps.${n}.type`] = step.type;
        values[`steps.${n}.target`] = step.target;
        values[`steps.${n}.name`] = step.name ?? '';
      });
      return values;
    },
    fields: (values) => [
      { name: 'name', label: 'Name', required: true },
      {
        name: 'windowSeconds',
        label: 'Completed within (hours)',
        type: 'number',
        min: 1,
        value: '24',
        hint: 'From the first step to the last.',
      },
      ...Array.from({ length: steps }, (_, n) => {
        const type = (String(values.get(`steps.${n}.type`) ?? '') || 'PAGE_VIEW') as GoalType;
        return [
          { name: `steps.${n}.type`, label: `Step ${n + 1}: completed by`, options: typeOptions(STEP_TYPES) },
          {
            name: `steps.${n}.target`,
            label: `Step ${n + 1}: ${kindOf(type).target.toLowerCase()}`,
            required: true,
            placeholder: kindOf(type).placeholder,
          },
        ];
      }).flat(),
      <p key="more" class="step-buttons">
        <button type="button" onClick={() => setSteps(Math.min(20, steps + 1))} disabled={steps >= 20}>
          Add a step
        </button>{' '}
        <button type="button" onClick={() => setSteps(Math.max(2, steps - 1))} disabled={steps <= 2}>
          Remove the last step
        </button>
      </p>,
    ],
    save: async (data, editing) => {
      const hours = integer(data, 'windowSeconds');
      const input = {
        name: text(data, 'name'),
        windowSeconds: hours === undefined ? undefined : hours * 3600,
        // What the form does not show is kept as the funnel has it.
        enabled: editing?.enabled,
        description: editing?.description,
        steps: Array.from({ length: steps }, (_, n) => ({
          type: (String(data.get(`steps.${n}.type`) ?? '') || 'PAGE_VIEW') as GoalType,
          target: text(data, `steps.${n}.target`),
          // A step's name is not in the form: an edited funnel keeps the names its steps had.
          name: editing?.steps[n]?.name ?? undefined,
        })),
      };
      return editing
        ? (await client.request(ManageUpdateFunnelDocument, { id: editing.id, input })).updateFunnel
        : (await client.request(ManageCreateFunnelDocument, { websiteId: id, input })).createFunnel;
    },
    remove: async (funnel) => (await client.request(ManageDeleteFunnelDocument, { id: funnel.id })).deleteFunnel,
  };
  return (
    <section class="manage-part" aria-labelledby="funnels-title">
      <h2 id="funnels-title">Funnels</h2>
      <Records
        kind={kind}
        role={role}
        rows={state.data?.website.funnels.edges.map((edge) => edge.node)}
        error={state.error}
        refresh={refresh}
      />
    </section>
  );
}

type Annotation = ManageAnnotationsQuery['website']['annotations']['edges'][number]['node'];

/** An instant as a datetime-local field's value, in the browser's time zone. */
function localInput(iso: unknown): string {
  const time = new Date(String(iso));
  const local = new Date(time.getTime() - time.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function Annotations({ id, role }: { id: string; role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageAnnotationsDocument, { id }, { refresh: version });
  const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: unknown) => time.format(new Date(String(iso)));
  const kind: RecordKind<Annotation> = {
    noun: 'annotation',
    caption: 'Annotations of the website, drawn on its chart',
    nameOf: (annotation) => annotation.text,
    columns: [
      { label: 'Note', cell: (a) => a.text },
      { label: 'When', cell: (a) => (a.endsAt ? `${when(a.startsAt)} – ${when(a.endsAt)}` : when(a.startsAt)) },
      { label: 'Public', cell: (a) => (a.isPublic ? 'Yes' : 'No') },
    ],
    prefill: (a) => ({
      text: a.text,
      startsAt: localInput(a.startsAt),
      endsAt: a.endsAt ? localInput(a.endsAt) : '',
      isPublic: a.isPublic,
    }),
    fields: () => [
      { name: 'text', label: 'Note', required: true },
      { name: 'startsAt', label: 'Starts (your time)', type: 'datetime-local', required: true },
      { name: 'endsAt', label: 'Ends (optional)', type: 'datetime-local' },
      { name: 'isPublic', label: 'Show on public dashboards', type: 'checkbox' },
    ],
    save: async (data, editing) => {
      const startsAt = instant(data, 'startsAt');
      // An empty date is no DateTime: the API would refuse the request without naming the field.
      if (!startsAt) throw new Refusal('Check the fields marked below.', 'BAD_USER_INPUT', { startsAt: 'Required.' });
      const input = {
        text: text(data, 'text'),
        startsAt,
        endsAt: instant(data, 'endsAt'),
        isPublic: checked(data, 'isPublic'),
        ...(editing && { color: editing.color, tags: editing.tags }),
      };
      return editing
        ? (await client.request(ManageUpdateAnnotationDocument, { id: editing.id, input })).updateAnnotation
        : (await client.request(ManageCreateAnnotationDocument, { websiteId: id, input })).createAnnotation;
    },
    remove: async (a) => (await client.request(ManageDeleteAnnotationDocument, { id: a.id })).deleteAnnotation,
  };
  return (
    <section class="manage-part" aria-labelledby="annotations-title">
      <h2 id="annotations-title">Annotations</h2>
      <Records
        kind={kind}
        role={role}
        rows={state.data?.website.annotations.edges.map((edge) => edge.node)}
        error={state.error}
        refresh={refresh}
      />
    </section>
  );
}
