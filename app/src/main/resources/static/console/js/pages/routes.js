import { errorText, get, post, put } from '../api.js';
import { field, h, replace } from '../dom.js';
import { dateTime, number } from '../format.js';
import { label, t } from '../i18n.js';
import { badge, button, dialog, fill, pageHeader, pagedTable, toast } from '../ui.js';

// The shape of /api/admin/routes (h-admin's RouteView, docs/administration.md), read in one place.
export const route = {
  id: r => r.id,
  state: r => r.state,
  total: r => r.exchanges?.total,
  failed: r => r.exchanges?.failed,
  inflight: r => r.exchanges?.inflight,
  throughput: r => r.throughputPerMinute,
  lastError: r => r.lastError?.message,
  lastErrorAt: r => r.lastError?.at,
  settings: r => r.settings ?? {},
  editable: r => r.editableSettings ?? [],
};

const CHANNELS = ['LOCAL', 'AXIS', 'MAIL'];

export function stateBadge(state) {
  const kind = { Started: 'ok', Stopped: 'bad', Suspended: 'warn' }[state] ?? 'neutral';
  return badge(label('routeState', state), kind);
}

/** Which actions a route in this state offers. */
function actionsFor(state) {
  switch (state) {
    case 'Started': return ['stop', 'suspend'];
    case 'Suspended': return ['resume', 'stop'];
    case 'Stopped': return ['start'];
    default: return ['start', 'stop'];
  }
}

export async function render(view, session) {
  const list = h('div', { id: 'route-list' });
  replace(view, pageHeader(t('nav.routes'), button(t('common.refresh'), () => load(), { action: 'refresh', kind: 'secondary' })), list);
  const operate = session.can('ADMIN', 'OPERATOR');
  const configure = session.can('ADMIN');

  async function act(r, action) {
    const id = route.id(r);
    try {
      await post(`/api/admin/routes/${encodeURIComponent(id)}/${action}`);
      toast(t(`routes.done.${action}`, { id }));
    } catch (e) {
      toast(errorText(e), 'bad');
    }
    await load();
  }

  function load() {
    return fill(list, async () => {
      const routes = await get('/api/admin/routes');
      return pagedTable([
        { key: 'id', label: t('routes.id'), class: 'wrap', cell: r => h('code', null, route.id(r)) },
        { key: 'state', label: t('routes.state'), class: 'w-state', cell: r => stateBadge(route.state(r)) },
        { key: 'throughput', label: t('routes.throughput'), class: 'num', cell: r => h('span', { title: t('routes.totalTitle', { total: number(route.total(r)), inflight: number(route.inflight(r)) }) }, number(Math.round((route.throughput(r) ?? 0) * 10) / 10)) },
        { key: 'total', label: t('routes.total'), class: 'num', cell: r => number(route.total(r)) },
        { key: 'failed', label: t('routes.failures'), class: 'num', cell: r => number(route.failed(r)) },
        { key: 'lastError', label: t('routes.lastError'), class: 'wrap',
          cell: r => route.lastError(r) ? h('span', null, route.lastErrorAt(r) ? `${dateTime(route.lastErrorAt(r))} — ` : '', String(route.lastError(r))) : '—' },
        { key: 'actions', label: t('common.actions'), class: 'w-actions', cell: r => h('div', { class: 'row-actions' },
          operate ? actionsFor(route.state(r)).map(a => button(t(`routes.action.${a}`), () => act(r, a),
            { action: a, kind: a === 'stop' ? 'danger' : 'secondary' })) : null,
          configure && route.editable(r).length ? button(t('routes.settings'), () => settings(r), { action: 'settings', kind: 'secondary' }) : null) },
      ], routes, { rowAttrs: r => ({ 'data-route': route.id(r) }) });
    });
  }

  /** The settings form: one field per setting the route has; the API's refusals appear at their field. */
  async function settings(r) {
    const id = route.id(r);
    const detail = await get(`/api/admin/routes/${encodeURIComponent(id)}`).catch(() => r);
    const current = route.settings(detail);
    const editable = route.editable(detail);
    const retry = current.retry ?? {};
    const text = (name, value, hint) => field(t(`routeSetting.${name}`), h('input', { name, id: `setting-${name}`, value: value ?? '' }), { name, hint });
    const num = (name, value, step) => field(t(`routeSetting.${name}`), h('input', { name, id: `setting-${name}`, type: 'number', step, value: value ?? '' }), { name });
    const fields = [
      editable.includes('pollInterval') ? text('pollInterval', current.pollInterval, t('routes.durationHint')) : null,
      editable.includes('retry') ? [
        h('p', { class: 'muted' }, t('routes.retryOf', { queue: retry.queue ?? '—' })),
        num('retry.maxRedeliveries', retry.maxRedeliveries, 1),
        text('retry.redeliveryDelay', retry.redeliveryDelay, t('routes.durationHint')),
        num('retry.backOffMultiplier', retry.backOffMultiplier, 0.1),
        text('retry.maxRedeliveryDelay', retry.maxRedeliveryDelay, t('routes.durationHint')),
      ] : null,
      editable.includes('endpointUrl') ? text('endpointUrl', current.endpointUrl, t('routes.endpointUrlHint')) : null,
      editable.includes('credentialsRef') ? text('credentialsRef', current.credentialsRef, t('routes.credentialsRefHint')) : null,
      editable.includes('enabledChannels') ? h('fieldset', { class: 'field', 'data-field': 'enabledChannels' },
        h('legend', null, t('routeSetting.enabledChannels')),
        CHANNELS.map(c => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: `channel-${c}`, checked: (current.enabledChannels ?? []).includes(c) }), ' ', t(`channel.${c}`))),
        h('small', { class: 'field-error', role: 'alert' })) : null,
    ].flat().filter(Boolean);
    dialog(t('routes.settingsTitle', { id }), fields.length ? fields : h('p', { class: 'muted' }, t('routes.noSettings')), {
      id: 'route-settings',
      submitLabel: t('common.save'),
      onSubmit: async form => {
        if (!fields.length) return;
        const value = name => form.elements[name]?.value.trim() || undefined;
        const numeric = name => (value(name) === undefined ? undefined : Number(value(name)));
        const body = {};
        if (editable.includes('pollInterval')) body.pollInterval = value('pollInterval');
        if (editable.includes('retry')) {
          body.retry = { maxRedeliveries: numeric('retry.maxRedeliveries'), redeliveryDelay: value('retry.redeliveryDelay'),
            backOffMultiplier: numeric('retry.backOffMultiplier'), maxRedeliveryDelay: value('retry.maxRedeliveryDelay') };
        }
        // the connector's settings are sent only when changed: an unchanged reference is not re-resolved;
        // a field emptied sends "" — the setting is cleared and the configured endpoint or secret is back
        const changed = name => (value(name) ?? '') !== (current[name] ?? '');
        if (editable.includes('endpointUrl') && changed('endpointUrl')) body.endpointUrl = value('endpointUrl') ?? '';
        if (editable.includes('credentialsRef') && changed('credentialsRef')) body.credentialsRef = value('credentialsRef') ?? '';
        if (editable.includes('enabledChannels')) body.enabledChannels = CHANNELS.filter(c => form.elements[`channel-${c}`].checked);
        await put(`/api/admin/routes/${encodeURIComponent(id)}/settings`, body);
        toast(t('routes.saved', { id }));
        await load();
      },
    });
  }

  await load();
}
