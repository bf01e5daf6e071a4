// Every page, in the order of the navigation, with the roles that may open it (the API's role matrix).
import * as agencies from './agencies.js';
import * as audit from './audit.js';
import * as certificates from './certificates.js';
import * as dashboard from './dashboard.js';
import * as documents from './documents.js';
import * as quarantine from './quarantine.js';
import * as queues from './queues.js';
import * as routes from './routes.js';
import * as statistics from './statistics.js';

const ALL = ['ADMIN', 'OPERATOR', 'AUDITOR'];
const STAFF = ['ADMIN', 'OPERATOR'];

export const PAGES = [
  { id: 'dashboard', roles: ALL, render: dashboard.render },
  { id: 'routes', roles: ALL, render: routes.render },
  { id: 'queues', roles: STAFF, render: queues.render },
  { id: 'quarantine', roles: STAFF, render: quarantine.render },
  { id: 'agencies', roles: STAFF, render: agencies.render },
  { id: 'documents', roles: ALL, render: documents.render },
  { id: 'statistics', roles: ALL, render: statistics.render },
  { id: 'certificates', roles: ALL, render: certificates.render },
  { id: 'audit', roles: ['AUDITOR', 'OPERATOR'], render: audit.render },
];
