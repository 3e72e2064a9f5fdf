/**
 * Everything the subscription UI's listeners do (`/chatdash subscribe`, `subscriptions`, `connect`, `disconnect`, their
 * buttons and modal, the App Home), behind one `import()`: the listeners are registered at start-up with light
 * constants, and this module (with the subscriptions service, croner, the period parser and the state store) loads
 * on the first request that needs it, never on the HTTP function's cold start or a `/chatdash stats` ack. The Lambda
 * build bundles it on its own (`SEPARATE_BUNDLES` in src/build/bundle.ts), sharing no code with the cold start.
 *
 * Each listener gets the context with its stores resolved (`ui-stores.ts`: the App Home shows alerts too).
 */
import { homeMore as homeMoreListener } from './actions/home-more.ts';
import { listMore as listMoreListener } from './actions/list-more.ts';
import { subscriptionButton as subscriptionButtonListener } from './actions/subscription-button.ts';
import { subscriptionFormChanged as subscriptionFormChangedListener } from './actions/subscription-form.ts';
import { runConnect as connectRun, runDisconnect as disconnectRun } from './commands/chatdash/channel-binding.ts';
import { runSubscribe as subscribeRun } from './commands/chatdash/subscribe.ts';
import { runSubscriptions as subscriptionsRun } from './commands/chatdash/subscriptions.ts';
import { appHomeOpened as appHomeOpenedListener } from './events/app-home-opened.ts';
import { withUiStores as withStore } from './ui-stores.ts';
import { subscriptionFormSubmitted as subscriptionFormSubmittedListener } from './views/subscription-form.ts';

export const homeMore = withStore(homeMoreListener);
export const listMore = withStore(listMoreListener);
export const subscriptionButton = withStore(subscriptionButtonListener);
export const subscriptionFormChanged = withStore(subscriptionFormChangedListener);
export const runConnect = withStore(connectRun);
export const runDisconnect = withStore(disconnectRun);
export const runSubscribe = withStore(subscribeRun);
export const runSubscriptions = withStore(subscriptionsRun);
export const appHomeOpened = withStore(appHomeOpenedListener);
export const subscriptionFormSubmitted = withStore(subscriptionFormSubmittedListener);
