// The dashboard page: plain JavaScript over the JSON endpoints under /api and the actuator.
// Everything is rendered with textContent, never innerHTML, so API data cannot inject markup.
'use strict';

const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'className') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

async function request(url, options) {
  const init = Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options || {});
  if (init.json !== undefined) {
    init.body = JSON.stringify(init.json);
    init.headers = Object.assign({ 'Content-Type': 'application/json' }, init.headers);
    delete init.json;
  }
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = { type: 'NotJson', message: text.slice(0, 300) };
    }
    return { ok: response.ok, status: response.status, body: body };
  } catch (e) {
    return { ok: false, status: 0, body: { type: 'NetworkError', message: String(e) } };
  }
}

function errorText(result) {
  const body = result.body || {};
  const message = body.message || body.error || ('HTTP ' + result.status);
  return (body.type ? body.type + ': ' : '') + message;
}

// 1284.5 would lose its cents as a number; amounts arrive as decimal strings and stay strings.
function formatAmount(decimal) {
  const text = String(decimal);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (fraction !== undefined ? '.' + fraction : '');
}

function amountList(list, currencies) {
  list.replaceChildren();
  for (const currency of currencies || []) {
    list.append(el('li', { 'data-currency': currency.currency, 'data-amount': currency.atDisposal },
      el('span', { className: 'amount', text: formatAmount(currency.atDisposal) + ' ' + currency.currency }),
      el('span', { className: 'reserved', text: 'reserved ' + formatAmount(currency.reserved) })));
  }
}

const state = { overview: null, currentProject: null, pay: null };

// A fetched answer's shape, for data that came embedded in the page instead.
function answered(body) {
  return { ok: true, status: 200, body: body };
}

// ---- overview and header ---------------------------------------------------------------

async function loadOverview() {
  renderOverview(await request('api/overview'));
}

function renderOverview(result) {
  if (!result.ok) {
    $('connection').textContent = 'Could not load the overview: ' + errorText(result);
    return;
  }
  const overview = result.body;
  state.overview = overview;
  const mode = $('mode');
  mode.textContent = overview.mode === 'DEMO' ? 'DEMO mode' : 'LIVE mode';
  mode.className = 'badge ' + overview.mode.toLowerCase();
  document.body.dataset.mode = overview.mode;

  const client = overview.client || {};
  const clientText = client.error ? 'client: ' + client.error.type + ': ' + client.error.message
    : 'client "' + client.title + '" (' + client.type + ')';
  $('connection').textContent = (overview.mode === 'DEMO'
    ? 'Embedded demo Wallet API at ' : 'Wallet API at ') + overview.apiBaseUrl + ' \u2014 ' + clientText
    + ' \u2014 default project: ' + (overview.defaultProject || 'none');

  const select = $('project-select');
  const aliases = $('project-aliases');
  select.replaceChildren();
  aliases.replaceChildren();
  for (const project of overview.projects) {
    select.append(el('option', { value: project.alias, text: project.alias + ' (' + project.id + ')' }));
    aliases.append(el('option', { value: project.alias }));
  }

  const demo = overview.mode === 'DEMO';
  $('payment-send').disabled = !demo;
  $('payment-note').textContent = demo ? 'Sent to the embedded demo API.'
    : 'Disabled in live mode: the sample never creates payment requests in a real Wallet API.';
  $('traffic-box').hidden = !demo;
}

// ---- current project ---------------------------------------------------------------------

function renderCurrent(view) {
  state.currentProject = view.project || null;
  highlightCurrent();
  $('current-project').textContent = view.project || 'none';
  $('current').dataset.project = view.project || '';
  const source = { session: 'chosen in this session', default: 'default project', none: 'nothing bound' };
  $('current-source').textContent = source[view.source] || view.source;
  const balance = view.balance;
  amountList($('current-balance'), balance ? balance.currencies : []);
  const error = $('current-error');
  if (balance && balance.error) {
    error.hidden = false;
    error.textContent = balance.error.type + ': ' + balance.error.message;
  } else if (!view.project) {
    error.hidden = false;
    error.textContent = 'No project is bound and no default project is configured.';
  } else {
    error.hidden = true;
    error.textContent = '';
  }
  if (view.project && [...$('project-select').options].some((o) => o.value === view.project)) {
    $('project-select').value = view.project;
  }
}

async function loadCurrent() {
  const result = await request('api/current');
  if (result.ok) {
    renderCurrent(result.body);
  } else {
    $('current-error').hidden = false;
    $('current-error').textContent = errorText(result);
  }
}

async function switchProject(project) {
  $('current').dataset.state = 'switching';
  const result = project === null ? await request('api/current', { method: 'DELETE' })
    : await request('api/current', { method: 'PUT', json: { project: project } });
  if (result.ok) {
    renderCurrent(result.body);
  } else {
    $('current-error').hidden = false;
    $('current-error').textContent = errorText(result);
  }
  $('current').dataset.state = 'ready';
  loadPay(); // the pay card's calls now go to the new project
  loadStarter();
}

// ---- balances side by side ---------------------------------------------------------------

function balanceCard(project) {
  const failed = !!project.error;
  const list = el('ul', { className: 'amounts' });
  amountList(list, project.currencies);
  const ownCredentials = project.credentials !== 'default';
  return el('article', { className: 'card' + (failed ? ' failed' : ''), 'data-project': project.alias || project.id,
    'data-project-id': project.id, 'data-state': failed ? 'error' : 'ok' },
  el('div', { className: 'card-head' },
    el('span', { className: 'card-name' }, el('span', { className: 'alias', text: project.alias || String(project.id) })),
    el('span', { className: 'pill' + (ownCredentials ? ' own' : ''),
      text: ownCredentials ? 'own credentials' : 'default credentials' })),
  el('div', { className: 'title', text: project.title || '' }),
  el('div', { className: 'meta', text: 'project ' + project.id + (project.walletId ? ' \u00b7 wallet ' + project.walletId : '') }),
  failed ? el('p', { className: 'error', text: project.error.type + ': ' + project.error.message }) : list);
}

// The current project's card stands out by its border and a "current" badge, and says so to
// assistive technology with aria-current; the others lose both when the current project changes.
function highlightCurrent() {
  const current = state.currentProject;
  for (const card of $('balances').querySelectorAll('.card')) {
    const isCurrent = current !== null && (card.dataset.project === current || card.dataset.projectId === current);
    card.classList.toggle('current', isCurrent);
    const badge = card.querySelector('.current-badge');
    if (isCurrent) {
      card.setAttribute('aria-current', 'true');
      if (!badge) {
        card.querySelector('.card-name').append(' ', el('span', { className: 'pill current-badge', text: 'current' }));
      }
    } else {
      card.removeAttribute('aria-current');
      if (badge) {
        badge.remove();
      }
    }
  }
}

async function loadBalances() {
  $('balances').dataset.state = 'loading';
  renderBalances(await request('api/balances'));
}

function renderBalances(result) {
  const container = $('balances');
  container.replaceChildren();
  if (!result.ok) {
    container.append(el('p', { className: 'error', text: errorText(result) }));
  } else if (result.body.length === 0) {
    container.append(el('p', { className: 'muted',
      text: 'No projects configured: set paysera.wallet.projects.<alias>.id or WALLET_PROJECTS=alias=id,...' }));
  } else {
    for (const project of result.body) {
      container.append(balanceCard(project));
    }
  }
  container.dataset.state = 'ready';
  highlightCurrent();
}

// ---- accessible projects -----------------------------------------------------------------

async function loadAccessible() {
  renderAccessible(await request('api/projects/accessible'));
}

function renderAccessible(result) {
  const container = $('accessible');
  container.replaceChildren();
  if (!result.ok) {
    container.append(el('p', { className: 'error', text: errorText(result) }));
    return;
  }
  for (const group of result.body) {
    const title = group.credentials === 'default' ? 'Default credentials' : 'Credentials of "' + group.credentials + '"';
    container.append(el('h3', {}, title + ' ', el('small', { text: 'used by ' + (group.usedBy.join(', ') || 'no configured project') })));
    if (group.error) {
      container.append(el('p', { className: 'error', text: group.error.type + ': ' + group.error.message }));
      continue;
    }
    const body = el('tbody');
    for (const project of group.projects) {
      body.append(el('tr', { 'data-project-id': project.id },
        el('td', { className: 'num', text: project.id }),
        el('td', { text: project.title }),
        el('td', { text: project.configuredAs ? 'configured as ' + project.configuredAs : 'not configured' }),
        el('td', { className: 'num', text: project.walletId || '' }),
        el('td', { className: 'muted', text: project.description || '' })));
    }
    container.append(el('table', { 'data-credentials': group.credentials },
      el('thead', {}, el('tr', {}, el('th', { text: 'id' }), el('th', { text: 'title' }), el('th', { text: 'here' }),
        el('th', { text: 'wallet' }), el('th', { text: 'description' }))), body));
  }
}

// ---- routed calls --------------------------------------------------------------------------

function showResult(pre, result) {
  pre.hidden = false;
  pre.className = 'result' + (result.ok ? '' : ' failed');
  pre.dataset.status = String(result.status);
  pre.textContent = result.ok ? JSON.stringify(result.body, null, 2) : 'HTTP ' + result.status + ' \u2014 ' + errorText(result);
}

async function routedBalance(event) {
  event.preventDefault();
  const project = $('routed-project').value.trim();
  const result = await request('api/routed/balance?project=' + encodeURIComponent(project));
  showResult($('routed-result'), result);
  loadStarter();
}

async function pay(event) {
  event.preventDefault();
  const payment = { project: $('payment-project').value.trim(), amount: $('payment-amount').value.trim(),
    currency: $('payment-currency').value.trim().toUpperCase(), description: 'Dashboard demo payment' };
  const result = await request('api/routed/payment', { method: 'POST', json: payment });
  showResult($('payment-result'), result);
  loadStarter();
}

// ---- pay: a transaction's lifecycle in the current project --------------------------------

const REVOCABLE = ['new', 'waiting', 'waiting_funds', 'waiting_registration', 'reserved'];

function projectText(project) {
  return project ? project.name + ' (' + project.id + ')' : 'no project';
}

async function loadPay() {
  renderPay(await request('api/pay'));
}

// Every /api/pay answer is the session's whole card, also when an action failed: then it has
// the failure's status, the failed step in its steps and the failure in its error.
function renderPay(result) {
  const section = $('pay-section');
  const card = result.body;
  const error = $('pay-error');
  if (!card || !Array.isArray(card.steps)) {
    section.dataset.state = 'error';
    error.hidden = false;
    error.textContent = errorText(result);
    return;
  }
  state.pay = card;
  $('pay-note').textContent = card.note;
  $('pay-current-project').textContent = projectText(card.currentProject);
  $('pay-create').disabled = !card.canChange;
  for (const id of ['pay-amount', 'pay-currency', 'pay-description']) {
    $(id).disabled = !card.canChange;
  }
  renderPayTransaction(card);
  renderPaySteps(card.steps);
  renderPayCallbacks(Array.isArray(card.callbacks) ? card.callbacks : []);
  if (card.error) {
    error.hidden = false;
    error.textContent = (result.ok ? '' : 'HTTP ' + result.status + ' \u2014 ') + card.error.type + ': ' + card.error.message;
  } else {
    error.hidden = true;
    error.textContent = '';
  }
  section.dataset.steps = String(card.steps.length);
  section.dataset.state = card.error ? 'error' : 'ok';
}

function renderPayTransaction(card) {
  const box = $('pay-transaction');
  const tx = card.transaction;
  box.hidden = !tx;
  box.dataset.status = tx ? tx.status : '';
  box.dataset.key = tx ? tx.key : '';
  if (!tx) {
    return;
  }
  $('pay-key').value = tx.key;
  $('pay-tx-key').textContent = tx.key;
  const status = $('pay-status');
  status.textContent = tx.status;
  status.className = 'pill status ' + tx.status;
  $('pay-tx-meta').textContent = 'project ' + (tx.projectId === null ? 'not stated' : tx.projectId)
    + (tx.payerWalletId ? ' \u00b7 paid from wallet ' + tx.payerWalletId : ' \u00b7 no payer yet')
    + ' \u00b7 created ' + tx.createdAt + (tx.confirmedAt ? ' \u00b7 confirmed ' + tx.confirmedAt : '');
  const payments = $('pay-payments');
  payments.replaceChildren();
  for (const payment of tx.payments) {
    payments.append(el('li', { 'data-payment': payment.id, 'data-amount': payment.price, 'data-currency': payment.currency },
      el('span', {}, el('span', { className: 'amount', text: formatAmount(payment.price) + ' ' + payment.currency }),
        ' ', el('span', { className: 'muted', text: payment.description || '' })),
      el('span', { className: 'reserved', text: 'payment ' + payment.id + ' \u00b7 ' + payment.status })));
  }
  const current = card.currentProject;
  const warning = $('pay-project-warning');
  const elsewhere = current && tx.projectId !== null && tx.projectId !== current.id;
  warning.hidden = !elsewhere;
  warning.textContent = elsewhere ? 'This transaction belongs to project ' + tx.projectId + ', but the current project is '
    + projectText(current) + ': calls from here go there, where the Wallet API does not find it. Switch back to act on it.' : '';
  const demo = card.canChange;
  $('pay-accept').hidden = !demo;
  $('pay-accept').disabled = !demo || tx.status !== 'new';
  $('pay-confirm').disabled = !demo || tx.status !== 'reserved';
  $('pay-final').disabled = !demo || tx.status !== 'reserved';
  $('pay-revoke').disabled = !demo || !REVOCABLE.includes(tx.status);
}

function renderPaySteps(steps) {
  const list = $('pay-steps');
  list.replaceChildren();
  if (steps.length === 0) {
    list.append(el('li', { className: 'muted', text: 'No transaction yet.' }));
    return;
  }
  for (const step of steps) {
    const failed = !!step.error;
    const payer = step.by === 'simulated payer';
    list.append(el('li', { className: failed ? 'failed' : 'ok', 'data-action': step.action, 'data-by': step.by,
      'data-status': failed ? 'failed' : step.status, 'data-project': step.project ? step.project.name : '',
      'data-project-id': step.project ? step.project.id : '' },
    el('strong', { text: step.action }), ' ',
    el('span', { className: 'pill' + (payer ? ' payer' : ''), text: step.by }), ' ',
    'routed to ', el('strong', { className: 'step-project', text: projectText(step.project) }), ' \u2192 ',
    failed ? el('span', { className: 'step-result bad', text: step.error.type + ': ' + step.error.message })
      : el('span', { className: 'pill status step-result ' + step.status, text: step.status }),
    el('div', { className: 'calls' }, el('code', { text: step.calls.length ? step.calls.join('  \u2192  ') : 'no call sent' }))));
  }
}

function renderPayCallbacks(callbacks) {
  const list = $('pay-callbacks');
  list.replaceChildren();
  if (callbacks.length === 0) {
    list.append(el('li', { className: 'muted', text: 'No callback yet.' }));
    return;
  }
  for (const callback of callbacks) {
    list.append(el('li', { className: 'ok', 'data-type': callback.type, 'data-project': callback.project.name,
      'data-project-id': callback.project.id, 'data-bound': callback.boundProject },
    el('strong', { text: callback.object + '.' + callback.type }), ' ',
    el('span', { className: 'pill', text: 'verified' }), ' handled in ',
    el('strong', { className: 'step-project', text: projectText(callback.project) }),
    ' (bound while the handler ran: ' + callback.boundProject + ')',
    el('div', { className: 'calls' }, el('code', { text: callback.walletCall }))));
  }
}

async function payAction(url, method, json) {
  $('pay-section').dataset.state = 'busy';
  renderPay(await request(url, { method: method, json: json }));
  loadStarter();
}

function payPath(action) {
  const key = state.pay && state.pay.transaction ? state.pay.transaction.key : $('pay-key').value.trim();
  return 'api/pay/transaction/' + encodeURIComponent(key) + (action ? '/' + action : '');
}

function createTransaction(event) {
  event.preventDefault();
  $('pay-final').value = '';
  payAction('api/pay/transaction', 'POST', { amount: $('pay-amount').value.trim(),
    currency: $('pay-currency').value.trim().toUpperCase(), description: $('pay-description').value.trim() });
}

function readTransaction(event) {
  event.preventDefault();
  payAction('api/pay/transaction/' + encodeURIComponent($('pay-key').value.trim()), 'GET');
}

function confirmTransaction() {
  const finalAmount = $('pay-final').value.trim();
  payAction(payPath('confirm'), 'POST', finalAmount ? { finalAmount: finalAmount } : {});
}

// ---- what the starter is doing -------------------------------------------------------------

async function loadActuatorWallet() {
  const container = $('actuator-wallet');
  const result = await request('actuator/wallet');
  container.replaceChildren();
  container.dataset.status = String(result.status);
  if (result.ok) {
    container.append(el('pre', { className: 'json', text: JSON.stringify(result.body, null, 2) }));
  } else if (result.status === 404) {
    container.append(el('p', { className: 'notice', text: 'Not available (HTTP 404): this version of the starter has no '
      + 'wallet actuator endpoint yet. Once it has, the configured projects, default project, authentication mode '
      + 'and cached accessible projects show here.' }));
  } else {
    container.append(el('p', { className: 'error', text: 'HTTP ' + result.status + ': ' + errorText(result) }));
  }
}

async function loadHealth() {
  const container = $('health');
  const result = await request('actuator/health');
  container.replaceChildren();
  const body = result.body || {};
  if (!body.status) {
    container.append(el('p', { className: 'error', text: errorText(result) }));
    return;
  }
  const list = el('ul', { className: 'amounts' });
  list.append(el('li', {}, el('span', { text: 'overall' }), el('span', { className: body.status === 'UP' ? 'ok' : 'bad', text: body.status })));
  for (const [name, component] of Object.entries(body.components || {})) {
    list.append(el('li', {}, el('span', { text: name }), el('span', { className: component.status === 'UP' ? 'ok' : 'bad', text: component.status })));
  }
  container.append(list);
}

const HIDDEN_TAGS = new Set(['client.name', 'exception', 'error', 'outcome', 'wallet.project', 'method', 'uri', 'status']);

function otherTags(tags) {
  return Object.entries(tags).filter(([key]) => !HIDDEN_TAGS.has(key)).map(([key, value]) => key + '=' + value).join('  ');
}

// How a series' result reads: 'ok' (green), 'bad' (red) or 'neutral' (grey). A cache hit is good
// news, a miss is ordinary; denied and unavailable access is red. A value the page does not know
// (an outcome a newer starter adds) reads neutral rather than claiming success or failure.
const RESULT_KINDS = { granted: 'ok', denied: 'bad', unavailable: 'bad', hit: 'ok', miss: 'neutral',
  success: 'ok', failure: 'bad' };
const OUTCOME_KINDS = { SUCCESS: 'ok', INFORMATIONAL: 'ok', REDIRECTION: 'ok', CLIENT_ERROR: 'bad',
  SERVER_ERROR: 'bad', UNKNOWN: 'bad', REFUSED: 'bad' };

function seriesResult(tags) {
  const error = tags.error && tags.error !== 'none' ? ' ' + tags.error : '';
  if (tags.outcome === 'REFUSED') { // refused by the starter's access check: nothing was sent
    return { text: 'refused, not sent' + error, kind: OUTCOME_KINDS.REFUSED };
  }
  if (tags.outcome !== undefined || tags.status !== undefined) {
    return { text: (tags.status || tags.outcome) + error, kind: OUTCOME_KINDS[tags.outcome] || 'neutral' };
  }
  const result = tags.result || '';
  return { text: result, kind: RESULT_KINDS[result] || 'neutral' };
}

function seriesRow(series) {
  const tags = series.tags;
  const stats = series.statistics;
  const total = stats.total !== undefined ? stats.total : stats.total_time;
  const count = stats.count !== undefined ? stats.count : (stats.value !== undefined ? stats.value : '');
  const timed = series.type === 'TIMER' && total !== undefined && count;
  const call = tags.uri ? (tags.method || '') + ' ' + tags.uri.replace(/^.*\/rest\/v1\//, '') : '';
  const result = seriesResult(tags);
  return el('tr', { 'data-project': tags['wallet.project'] || tags.project || '' },
    el('td', {}, el('strong', { text: tags['wallet.project'] || tags.project || '' })),
    el('td', {}, el("code", { text: call }), " ", el("span", { className: "muted", text: otherTags(tags) })),
    el('td', { className: result.kind, 'data-kind': result.kind, text: result.text }),
    el('td', { className: 'num', text: count }),
    el('td', { className: 'num', text: timed ? (1000 * total / count).toFixed(1) + ' ms' : '' }));
}

function projectOf(series) {
  return series.tags['wallet.project'] || series.tags.project || '';
}

async function loadMeters() {
  renderMeters(await request('api/metrics'));
}

function renderMeters(result) {
  const container = $('meters');
  container.replaceChildren();
  if (!result.ok) {
    container.append(el('p', { className: 'error', text: errorText(result) }));
    return;
  }
  for (const meter of result.body) {
    container.append(el('h3', {}, el('code', { text: meter.name }), ' ',
      el('small', {}, el('a', { href: 'actuator/metrics/' + meter.name, target: '_blank', text: 'actuator' }))));
    if (!meter.present) {
      container.append(el('p', { className: 'muted', 'data-meter': meter.name, 'data-present': 'false',
        text: 'Not recorded: this version of the starter does not record it, or nothing happened yet.' }));
      continue;
    }
    const body = el('tbody');
    const series = [...meter.series].sort((a, b) => projectOf(a).localeCompare(projectOf(b)));
    for (const entry of series) {
      body.append(seriesRow(entry));
    }
    if (series.length > 0) {
      container.append(el('table', { 'data-meter': meter.name, 'data-present': 'true' },
        el('thead', {}, el('tr', {}, el('th', { text: 'project' }), el('th', { text: 'call / tags' }),
          el('th', { text: 'result' }), el('th', { text: 'count' }), el('th', { text: 'mean' }))),
        body));
    }
    const omitted = meter.omittedZero || 0;
    if (omitted > 0 || series.length === 0) {
      container.append(el('p', { className: 'muted zero-note', 'data-meter': meter.name, 'data-omitted-zero': omitted,
        text: (series.length === 0 ? 'Nothing counted yet. ' : '') + (omitted === 1 ? '1 series' : omitted + ' series')
          + ' with count 0 not shown.' }));
    }
  }
}

async function loadTraffic() {
  if ($('traffic-box').hidden) {
    return;
  }
  renderTraffic(await request('api/demo/requests'));
}

// How the demo API checked a request's MAC. GET server and GET /publickey (Paysera's callback
// key) need no authentication, so they are unsigned by design, which is neither good nor bad news.
const MAC_CHECKS = { valid: ['valid', 'ok'], invalid: ['invalid', 'bad'], 'unsigned-by-design': ['unsigned (by design)', 'neutral'],
  unsigned: ['unsigned', 'bad'], certificate: ['TLS client certificate', 'ok'] };

function macCell(r) {
  const mac = r.mac || (r.signatureValid ? 'valid' : 'invalid');
  const [text, kind] = MAC_CHECKS[mac] || [mac, 'neutral'];
  return el('td', { className: kind, 'data-mac': mac, text: text });
}

function renderTraffic(result) {
  const container = $('traffic');
  container.replaceChildren();
  if (!result.ok) {
    container.append(el('p', { className: 'muted', text: errorText(result) }));
    return;
  }
  const body = el('tbody');
  for (const r of result.body) {
    body.append(el('tr', { 'data-call': r.method + ' ' + r.path },
      el('td', { text: r.method }),
      el('td', {}, el('code', { text: r.path })),
      el('td', { className: 'num', text: r.projectId === null ? '\u2014' : r.projectId }),
      el('td', { text: r.macId || '' }),
      macCell(r),
      el('td', { className: r.status < 400 ? 'ok' : 'bad', text: r.status })));
  }
  container.append(el('table', {}, el('thead', {}, el('tr', {}, el('th', { text: 'method' }), el('th', { text: 'path' }),
    el('th', { text: 'project_id' }), el('th', { text: 'MAC id' }), el('th', { text: 'MAC' }), el('th', { text: 'status' }))), body));
}

function loadStarter() {
  return Promise.all([loadActuatorWallet(), loadHealth(), loadMeters(), loadTraffic()]);
}

// ---- wiring ----------------------------------------------------------------------------------

async function loadAll() {
  document.body.dataset.loaded = 'false';
  await loadOverview();
  await Promise.all([loadCurrent(), loadBalances(), loadAccessible(), loadPay()]);
  await loadStarter();
  document.body.dataset.loaded = 'true';
}

// The page as served from / carries its first screen's data (see DashboardPageController):
// render it at once, without waiting on a fetch. Served without it (as /index.html), fetch it all.
function embeddedState() {
  const element = $('initial-state');
  if (!element) {
    return null;
  }
  try {
    return JSON.parse(element.textContent);
  } catch (e) {
    return null;
  }
}

async function start() {
  const initial = embeddedState();
  if (!initial) {
    await loadAll();
    return;
  }
  document.body.dataset.loaded = 'false';
  document.body.dataset.firstPaint = 'embedded';
  renderOverview(answered(initial.overview));
  renderCurrent(initial.current);
  renderBalances(answered(initial.balances));
  renderAccessible(answered(initial.accessible));
  renderMeters(answered(initial.metrics));
  if (initial.pay) {
    renderPay(answered(initial.pay));
  }
  if (!$('traffic-box').hidden && initial.demoRequests) {
    renderTraffic(answered(initial.demoRequests));
  }
  await Promise.all([loadActuatorWallet(), loadHealth()]);
  document.body.dataset.loaded = 'true';
}

$('switch-project').addEventListener('click', () => switchProject($('project-select').value));
$('reset-project').addEventListener('click', () => switchProject(null));
$('routed-form').addEventListener('submit', routedBalance);
$('payment-form').addEventListener('submit', pay);
$('pay-form').addEventListener('submit', createTransaction);
$('pay-read-form').addEventListener('submit', readTransaction);
$('pay-accept').addEventListener('click', () => payAction(payPath('accept'), 'POST'));
$('pay-confirm').addEventListener('click', confirmTransaction);
$('pay-revoke').addEventListener('click', () => payAction(payPath('revoke'), 'POST'));
$('refresh').addEventListener('click', loadAll);
start();
