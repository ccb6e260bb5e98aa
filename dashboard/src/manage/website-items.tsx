// A website's goals (every kind the API has), funnels and annotations: listed, added, deleted.
import { useState } from 'preact/hooks';
import {
  type GoalType,
  ManageAnnotationsDocument,
  ManageCreateAnnotationDocument,
  ManageCreateFunnelDocument,
  ManageCreateGoalDocument,
  ManageDeleteAnnotationDocument,
  ManageDeleteFunnelDocument,
  ManageDeleteGoalDocument,
  ManageFunnelsDocument,
  ManageGoalsDocument,
} from '../../../client/generated/graphql.ts';
import { client, useQuery } from '../api.ts';
import {
  canWrite,
  checked,
  type FieldProps,
  formatPeriod,
  instant,
  integer,
  Listing,
  ManageForm,
  optional,
  ReadError,
  Refusal,
  type Role,
  succeeded,
  text,
  useVersion,
  words,
} from './form.tsx';

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

export function Goals({ id, role }: { id: string; role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageGoalsDocument, { id }, { refresh: version });
  const goals = state.data?.website.goals.edges.map((edge) => edge.node);
  return (
    <section class="manage-part" aria-labelledby="goals-title">
      <h2 id="goals-title">Goals</h2>
      {state.error && <ReadError error={state.error} />}
      {goals && (
        <Listing
          caption="Goals of the website"
          rows={goals}
          nameOf={(goal) => goal.name}
          columns={[
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
          ]}
          onDelete={
            canWrite(role)
              ? async (goal) => {
                  succeeded((await client.request(ManageDeleteGoalDocument, { id: goal.id })).deleteGoal);
                  refresh();
                }
              : undefined
          }
        />
      )}
      {canWrite(role) && (
        <ManageForm
          title="Add a goal"
          submit="Add goal"
          fields={(values) => {
            const type = goalType(values);
            const kind = kindOf(type);
            const fields: FieldProps[] = [
              { name: 'name', label: 'Name', required: true },
              { name: 'type', label: 'Completed by', options: typeOptions(GOAL_TYPES.map((k) => k.type)) },
              { name: 'target', label: kind.target, required: true, placeholder: kind.placeholder },
            ];
            if (type === 'EVENT') {
              fields.push(
                {
                  name: 'propertyKey',
                  label: 'Property (optional)',
                  hint: 'Only events whose property has the value.',
                },
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
            return fields;
          }}
          onSubmit={async (data) => {
            const type = goalType(data);
            const { createGoal } = await client.request(ManageCreateGoalDocument, {
              websiteId: id,
              input: {
                name: text(data, 'name'),
                type,
                target: text(data, 'target'),
                propertyKey: type === 'EVENT' ? optional(data, 'propertyKey') : undefined,
                propertyValue: type === 'EVENT' ? optional(data, 'propertyValue') : undefined,
                scrollPercent: type === 'SCROLL_DEPTH' ? integer(data, 'scrollPercent') : undefined,
                description: optional(data, 'description'),
              },
            });
            succeeded(createGoal);
            refresh();
          }}
        />
      )}
    </section>
  );
}

/** Funnel steps are any goal kind but scroll depth. */
const STEP_TYPES = GOAL_TYPES.map((kind) => kind.type).filter((type) => type !== 'SCROLL_DEPTH');

export function Funnels({ id, role }: { id: string; role: Role }) {
  const [version, refresh] = useVersion();
  const [steps, setSteps] = useState(2);
  const state = useQuery(ManageFunnelsDocument, { id }, { refresh: version });
  const funnels = state.data?.website.funnels.edges.map((edge) => edge.node);
  return (
    <section class="manage-part" aria-labelledby="funnels-title">
      <h2 id="funnels-title">Funnels</h2>
      {state.error && <ReadError error={state.error} />}
      {funnels && (
        <Listing
          caption="Funnels of the website"
          rows={funnels}
          nameOf={(funnel) => funnel.name}
          columns={[
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
          ]}
          onDelete={
            canWrite(role)
              ? async (funnel) => {
                  succeeded((await client.request(ManageDeleteFunnelDocument, { id: funnel.id })).deleteFunnel);
                  refresh();
                }
              : undefined
          }
        />
      )}
      {canWrite(role) && (
        <ManageForm
          title="Add a funnel"
          submit="Add funnel"
          fields={(values) => [
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
          ]}
          onSubmit={async (data) => {
            const hours = integer(data, 'windowSeconds');
            const { createFunnel } = await client.request(ManageCreateFunnelDocument, {
              websiteId: id,
              input: {
                name: text(data, 'name'),
                windowSeconds: hours === undefined ? undefined : hours * 3600,
                steps: Array.from({ length: steps }, (_, n) => ({
                  type: (String(data.get(`steps.${n}.type`) ?? '') || 'PAGE_VIEW') as GoalType,
                  target: text(data, `steps.${n}.target`),
                })),
              },
            });
            succeeded(createFunnel);
            setSteps(2);
            refresh();
          }}
        />
      )}
    </section>
  );
}

export function Annotations({ id, role }: { id: string; role: Role }) {
  const [version, refresh] = useVersion();
  const state = useQuery(ManageAnnotationsDocument, { id }, { refresh: version });
  const annotations = state.data?.website.annotations.edges.map((edge) => edge.node);
  const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: unknown) => time.format(new Date(String(iso)));
  return (
    <section class="manage-part" aria-labelledby="annotations-title">
      <h2 id="annotations-title">Annotations</h2>
      {state.error && <ReadError error={state.error} />}
      {annotations && (
        <Listing
          caption="Annotations of the website, drawn on its chart"
          rows={annotations}
          nameOf={(annotation) => annotation.text}
          columns={[
            { label: 'Note', cell: (a) => a.text },
            { label: 'When', cell: (a) => (a.endsAt ? `${when(a.startsAt)} – ${when(a.endsAt)}` : when(a.startsAt)) },
            { label: 'Public', cell: (a) => (a.isPublic ? 'Yes' : 'No') },
          ]}
          onDelete={
            canWrite(role)
              ? async (annotation) => {
                  succeeded(
                    (await client.request(ManageDeleteAnnotationDocument, { id: annotation.id })).deleteAnnotation,
                  );
                  refresh();
                }
              : undefined
          }
        />
      )}
      {canWrite(role) && (
        <ManageForm
          title="Add an annotation"
          submit="Add annotation"
          fields={() => [
            { name: 'text', label: 'Note', required: true },
            { name: 'startsAt', label: 'Starts (your time)', type: 'datetime-local', required: true },
            { name: 'endsAt', label: 'Ends (optional)', type: 'datetime-local' },
            { name: 'isPublic', label: 'Show on public dashboards', type: 'checkbox' },
          ]}
          onSubmit={async (data) => {
            const startsAt = instant(data, 'startsAt');
            // An empty date is no DateTime: the API would refuse the request without naming the field.
            if (!startsAt)
              throw new Refusal('Check the fields marked below.', 'BAD_USER_INPUT', { startsAt: 'Required.' });
            const { createAnnotation } = await client.request(ManageCreateAnnotationDocument, {
              websiteId: id,
              input: {
                text: text(data, 'text'),
                startsAt,
                endsAt: instant(data, 'endsAt'),
                isPublic: checked(data, 'isPublic'),
              },
            });
            succeeded(createAnnotation);
            refresh();
          }}
        />
      )}
    </section>
  );
}
