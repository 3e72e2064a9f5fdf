/**
/**
 * The sandbox's demo projects: one text support bot, one voice ordering line and one brand-new project with no
 * conversations; for the agency overview, one more healthy bot, one that is getting worse (its understood rate
 * and cost per conversation degrade day after day, up to today) and one whose queries fail (`DEMO_FAULTS`); for
 * alerts, a web-shop assistant with a realistic hour-of-day rhythm (the one the alerts demo has incidents on).
 * Labels are deliberately varied (umlauts, CJK, emoji, `&` and `<` as people type them) so the rendering code
 * meets realistic untrusted text.
 */
import type { Fault } from './faults.ts';

export type DemoProjectKind = 'text' | 'voice';

export interface Weighted<T> {
  item: T;
  weight: number;
}

export interface DemoProject {
  id: string;
  name: string;
  kind: DemoProjectKind;
  /** ISO 4217 code the costs are in. */
  currency: string;
  /** Average conversations per UTC day before the weekday pattern, trend and noise; 0 = a project nobody used yet. */
  dailyConversations: number;
  /** Multipliers by UTC weekday, Sunday first. */
  weekdayFactors: readonly [number, number, number, number, number, number, number];
  /**
   * Optional daily rhythm: 24 relative weights by local hour (midnight first) in `rhythmTimeZone`; a day's volume
   * is spread over its hours in these proportions. Absent: spread evenly over the 24 hours.
   */
  hourFactors?: readonly number[];
  /** IANA time zone whose local hours `hourFactors` follow (people shop by their own clock, DST included); default UTC. */
  rhythmTimeZone?: string;
  /** User interactions (messages or spoken turns) per conversation. */
  interactionsPerConversation: number;
  /** Cost per conversation in cents of `currency` (text), or per minute of call (voice). */
  costCents: number;
  /** Voice only: average call length in seconds. */
  averageCallSeconds?: number;
  /** Share of user messages the bot did not understand. */
  missRate: number;
  topics: ReadonlyArray<Weighted<{ id: string | number; label: string }>>;
  misunderstood: ReadonlyArray<Weighted<{ id: string | number; label: string }>>;
  /**
   * Misunderstood messages that started `daysAgo` whole UTC days before the sandbox's clock, at `perConversation`
   * per conversation from then on: a training gap that is always new in "the last 7 days" (and 30), for the demo.
   */
  emergingMisunderstood?: ReadonlyArray<{ id: string | number; label: string; daysAgo: number; perConversation: number }>;
  intents: ReadonlyArray<Weighted<string>>;
  /** LLM models with the tokens they use per interaction. */
  models: ReadonlyArray<{ model: string; tokensPerInteraction: number }>;
  /** ISO 3166 alpha-2 country codes. */
  countries: ReadonlyArray<Weighted<string>>;
  /** Voice only: why calls ended. */
  endedReasons: ReadonlyArray<Weighted<string>>;
  /**
   * A bot getting worse: over the last `days` UTC days up to today (the sandbox's clock), its miss rate grows by
   * `missRatePerDay` a day (at most to 0.9) and its cost by `costGrowthPerDay` (a fraction, compounded) a day.
   * The slide is steady (the day-to-day noise stays on the usual miss rate), so any period in that stretch is
   * clearly worse than the period before it, whatever its length.
   */
  degrading?: { days: number; missRatePerDay: number; costGrowthPerDay: number };
}

const w = <T>(item: T, weight: number): Weighted<T> => ({ item, weight });

export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    id: 'proj_demo_text',
    name: 'Acme Support Bot',
    kind: 'text',
    currency: 'EUR',
    dailyConversations: 420,
    weekdayFactors: [0.55, 1.18, 1.12, 1.06, 1.02, 0.94, 0.62],
    interactionsPerConversation: 5.2,
    costCents: 4,
    missRate: 0.085,
    topics: [
      w({ id: 'topic_order_status', label: 'Order status' }, 30),
      w({ id: 'topic_refund', label: 'Rückerstattung' }, 18),
      w({ id: 'topic_delivery_jp', label: '配送状況' }, 9),
      w({ id: 'topic_password', label: 'Password reset 🔑' }, 12),
      w({ id: 'topic_billing', label: 'Invoices & billing' }, 10),
      w({ id: 'topic_cancel', label: 'Cancel subscription' }, 7),
      w({ id: 'topic_hours', label: 'Opening hours' }, 5),
      w({ id: 'topic_returns_fr', label: 'Retour d’un article' }, 4),
    ],
    misunderstood: [
      w({ id: 1001, label: 'where is my order?? <urgent>' }, 14),
      w({ id: 1002, label: 'do u ship to the canary islands & madeira' }, 9),
      w({ id: 1003, label: 'Ich möchte mein Geld zurück!!!' }, 8),
      w({ id: 1004, label: '😡😡😡' }, 6),
      w({ id: 1005, label: 'talk to a human' }, 11),
      w({ id: 1006, label: '¿puedo pagar con bizum?' }, 4),
      w({ id: 1007, label: 'asdfghjk' }, 3),
      w({ id: 1008, label: 'my code is *SAVE20* but it says invalid_' }, 3),
    ],
    // The loyalty programme launched six days ago and the bot was not trained on it.
    emergingMisunderstood: [{ id: 1009, label: 'how do I use my loyalty points?', daysAgo: 6, perConversation: 0.04 }],
    intents: [
      w('order.status', 30),
      w('refund.request', 17),
      w('account.password_reset', 12),
      w('billing.invoice', 10),
      w('subscription.cancel', 7),
      w('greeting', 20),
      w('human.handoff', 6),
    ],
    models: [
      { model: 'gpt-4o-mini', tokensPerInteraction: 720 },
      { model: 'gpt-4o', tokensPerInteraction: 110 },
      { model: 'text-embedding-3-small', tokensPerInteraction: 60 },
    ],
    countries: [w('DE', 34), w('FR', 18), w('NL', 12), w('AT', 9), w('ES', 8), w('IT', 7), w('BE', 5), w('CH', 4), w('JP', 2), w('US', 1)],
    endedReasons: [],
  },
  {
    id: 'proj_demo_voice',
    name: 'Bella Pizza Phone Line',
    kind: 'voice',
    currency: 'USD',
    dailyConversations: 95,
    weekdayFactors: [1.2, 0.7, 0.75, 0.8, 0.95, 1.45, 1.55],
    interactionsPerConversation: 9,
    costCents: 11,
    averageCallSeconds: 148,
    missRate: 0.06,
    topics: [
      w({ id: 'place_order', label: 'Place an order 🍕' }, 46),
      w({ id: 'delivery_area', label: 'Delivery area' }, 13),
      w({ id: 'opening_hours', label: 'Opening hours' }, 11),
      w({ id: 'order_status', label: 'Where is my pizza' }, 10),
      w({ id: 'gluten_free', label: 'Gluten-free & vegan options' }, 7),
      w({ id: 'table_booking', label: 'Table booking' }, 6),
      w({ id: 'pedido_es', label: 'Pedido en español' }, 3),
    ],
    misunderstood: [
      w({ id: 'm1', label: 'uh can I get a large half pepperoni & half hawaiian' }, 12),
      w({ id: 'm2', label: '[inaudible]' }, 10),
      w({ id: 'm3', label: 'do you deliver to <unclear> street' }, 6),
      w({ id: 'm4', label: 'quiero una pizza familiar' }, 5),
      w({ id: 'm5', label: 'is the calzone gluten free or' }, 3),
    ],
    intents: [
      w('order.place', 44),
      w('order.modify', 9),
      w('info.delivery_area', 13),
      w('info.hours', 11),
      w('order.status', 10),
      w('transfer.to_staff', 5),
    ],
    models: [
      { model: 'gpt-4o-mini', tokensPerInteraction: 480 },
      { model: 'gpt-4.1-nano', tokensPerInteraction: 90 },
    ],
    countries: [w('US', 93), w('CA', 5), w('MX', 2)],
    endedReasons: [
      w('customer-ended-call', 61),
      w('assistant-ended-call', 22),
      w('silence-timed-out', 8),
      w('assistant-forwarded-call', 5),
      w('voicemail', 3),
      w('pipeline-error-openai-llm-failed', 1),
    ],
  },
  {
    id: 'proj_demo_empty',
    name: 'Quiet Bot',
    kind: 'text',
    currency: 'EUR',
    dailyConversations: 0,
    weekdayFactors: [1, 1, 1, 1, 1, 1, 1],
    interactionsPerConversation: 0,
    costCents: 0,
    missRate: 0,
    topics: [],
    misunderstood: [],
    intents: [],
    models: [{ model: 'gpt-4o-mini', tokensPerInteraction: 0 }],
    countries: [],
    endedReasons: [],
  },
  {
    id: 'proj_demo_clinic',
    name: 'Cara Clinic Assistant',
    kind: 'text',
    currency: 'EUR',
    dailyConversations: 160,
    weekdayFactors: [0.3, 1.25, 1.2, 1.15, 1.1, 1.0, 0.45],
    interactionsPerConversation: 4.1,
    costCents: 3,
    missRate: 0.05,
    topics: [
      w({ id: 'book', label: 'Book an appointment' }, 40),
      w({ id: 'move', label: 'Reschedule' }, 20),
      w({ id: 'results', label: 'Lab results 🧪' }, 12),
      w({ id: 'hours', label: 'Horaires d’ouverture' }, 8),
    ],
    misunderstood: [w({ id: 'c1', label: 'is dr. müller in on friday?' }, 5), w({ id: 'c2', label: 'can u send my x-ray <pdf>' }, 3)],
    intents: [w('appointment.book', 40), w('appointment.move', 20), w('results.ask', 12)],
    models: [{ model: 'gpt-4o-mini', tokensPerInteraction: 540 }],
    countries: [w('FR', 70), w('BE', 20), w('CH', 10)],
    endedReasons: [],
  },
  {
    id: 'proj_demo_degrading',
    name: 'Nova Telecom Help',
    kind: 'text',
    currency: 'EUR',
    dailyConversations: 240,
    weekdayFactors: [0.7, 1.1, 1.08, 1.05, 1.02, 0.98, 0.75],
    interactionsPerConversation: 6.3,
    costCents: 5,
    missRate: 0.07,
    topics: [
      w({ id: 'bill', label: 'My bill is wrong' }, 30),
      w({ id: 'roaming', label: 'Roaming & data' }, 20),
      w({ id: 'sim', label: 'eSIM activation 📶' }, 14),
      w({ id: 'outage', label: 'Network outage' }, 9),
    ],
    misunderstood: [
      w({ id: 'n1', label: 'why is my internet so slow since the update' }, 12),
      w({ id: 'n2', label: 'PORTABILITÉ DU NUMÉRO ???' }, 8),
      w({ id: 'n3', label: '<script>alert(1)</script>' }, 2),
    ],
    intents: [w('billing.dispute', 30), w('roaming.info', 20), w('esim.activate', 14)],
    models: [
      { model: 'gpt-4o', tokensPerInteraction: 650 },
      { model: 'gpt-4o-mini', tokensPerInteraction: 300 },
    ],
    countries: [w('FR', 60), w('ES', 25), w('PT', 15)],
    endedReasons: [],
    degrading: { days: 21, missRatePerDay: 0.03, costGrowthPerDay: 0.05 },
  },
  {
    id: 'proj_demo_broken',
    name: 'Echo Hotel Concierge',
    kind: 'text',
    currency: 'GBP',
    dailyConversations: 70,
    weekdayFactors: [1.2, 0.9, 0.9, 0.95, 1.0, 1.2, 1.3],
    interactionsPerConversation: 3.5,
    costCents: 4,
    missRate: 0.06,
    topics: [w({ id: 'checkin', label: 'Late check-in' }, 30), w({ id: 'spa', label: 'Spa & pool' }, 12)],
    misunderstood: [w({ id: 'e1', label: 'towels pls room 214' }, 4)],
    intents: [w('checkin.late', 30), w('amenities.spa', 12)],
    models: [{ model: 'gpt-4o-mini', tokensPerInteraction: 400 }],
    countries: [w('GB', 60), w('US', 25), w('DE', 15)],
    endedReasons: [],
  },
  {
    id: 'proj_demo_shop',
    name: 'Maya Shop Assistant',
    kind: 'text',
    currency: 'EUR',
    dailyConversations: 1400,
    weekdayFactors: [0.7, 1.12, 1.08, 1.04, 1.02, 1.0, 0.8],
    // European shoppers: quiet nights, a morning rise, a lunch bump and an evening peak (Paris time).
    rhythmTimeZone: 'Europe/Paris',
    hourFactors: [
      0.25, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.3, 1.45, 1.5, 1.6, 1.55, 1.4, 1.35, 1.35, 1.45, 1.6, 1.75, 1.8, 1.6, 1.2, 0.8, 0.45,
    ],
    interactionsPerConversation: 4.6,
    costCents: 3,
    missRate: 0.07,
    topics: [
      w({ id: 'shop_tracking', label: 'Track my parcel 📦' }, 28),
      w({ id: 'shop_returns', label: 'Returns & exchanges' }, 20),
      w({ id: 'shop_sizes', label: 'Size guide' }, 14),
      w({ id: 'shop_payment', label: 'Payment options' }, 11),
      w({ id: 'shop_discount', label: 'Discount codes' }, 9),
      w({ id: 'shop_stock', label: 'Is it back in stock?' }, 8),
      w({ id: 'shop_de', label: 'Lieferzeit nach Österreich' }, 5),
    ],
    misunderstood: [
      w({ id: 'shop_m1', label: 'wo bleibt mein paket' }, 12),
      w({ id: 'shop_m2', label: 'can i pay in 3x?' }, 9),
      w({ id: 'shop_m3', label: 'the app shows <error 500>' }, 6),
      w({ id: 'shop_m4', label: 'human please' }, 10),
      w({ id: 'shop_m5', label: 'ça taille grand ?' }, 5),
    ],
    intents: [w('order.track', 30), w('return.start', 20), w('product.size', 14), w('payment.options', 11), w('greeting', 18)],
    models: [
      { model: 'gpt-4o-mini', tokensPerInteraction: 640 },
      { model: 'text-embedding-3-small', tokensPerInteraction: 55 },
    ],
    countries: [w('DE', 38), w('AT', 14), w('FR', 16), w('NL', 10), w('BE', 7), w('CH', 6), w('IT', 5), w('PL', 4)],
    endedReasons: [],
  },
];

/**
 * Faults the demo turns on (`startSandbox({ faults: DEMO_FAULTS })`): every query about the concierge bot fails with
 * HTTP 503, so the agency overview shows a project whose data ChatDash doesn't return. Off unless asked for.
 */
export const DEMO_FAULTS: ReadonlyArray<{ projectId: string; fault: Fault }> = [
  { projectId: 'proj_demo_broken', fault: { type: 'server_error', status: 503 } },
];

export function findDemoProject(id: string): DemoProject | undefined {
  return DEMO_PROJECTS.find((p) => p.id === id);
}
