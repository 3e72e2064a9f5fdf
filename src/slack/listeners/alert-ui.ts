/**
 * Everything the alerts UI's listeners do (`/chatdash alert`, `alerts`, their buttons, Next page and modal, and the modal's metric and condition menus), behind one
 * `import()`: the listeners are registered at start-up with light constants, and this module (with the alert model,
 * its lifecycle, the alerts flows and the alert store) loads on the first request that needs it, never on the HTTP
 * function's cold start or a `/chatdash stats` ack. The Lambda build bundles it on its own (`SEPARATE_BUNDLES` in
 * src/build/bundle.ts), as the subscription UI.
 *
 * Each listener gets the context with its stores resolved (`ui-stores.ts`: the alert store, and the state store
 * for the App Home).
 */
import { alertButton as alertButtonListener } from './actions/alert-button.ts';
import { alertFormChanged as alertFormChangedListener } from './actions/alert-form.ts';
import { alertListMore as alertListMoreListener } from './actions/alert-list-more.ts';
import { runAlert as alertRun } from './commands/chatdash/alert.ts';
import { runAlerts as alertsRun } from './commands/chatdash/alerts.ts';
import { withUiStores as withStores } from './ui-stores.ts';
import { alertFormSubmitted as alertFormSubmittedListener } from './views/alert-form.ts';

export const alertButton = withStores(alertButtonListener);
export const alertListMore = withStores(alertListMoreListener);
export const alertFormChanged = withStores(alertFormChangedListener);
export const runAlert = withStores(alertRun);
export const runAlerts = withStores(alertsRun);
export const alertFormSubmitted = withStores(alertFormSubmittedListener);
