/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: schemas/config.schema.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

/**
 * One company's configuration document: what it changes over the plugins' defaults, for the whole company and per project. Every change is stored as a new immutable version of this document. Workflow, form, rule and UI entries are JSON Merge Patches (RFC 7386) over the plugin's declaration; the merged result is validated like a plugin declaration.
 */
export interface ConfigDeclaration {
  calendar?: Calendar;
  /**
   * Role changes: add a role, rename it (title), change reportsTo, permissions, or merge it into another (mergedInto)
   */
  roles?: {
    [k: string]: null | RolePatch;
  };
  plugins?: PluginPatches;
  /**
   * Confidentiality of residents' personal data (保密): per role, how phone numbers and ID numbers are shown (full, masked, hidden); visitorOnly roles (来访登记) see room numbers only, never names' details. Roles not listed use `default`; a staff member with several roles gets the most open of them. Built-in defaults: supervisors, managers and administrators full; front desk, concierge and others phone masked, ID hidden (concierge ID masked).
   */
  privacy?: {
    default?: PrivacyRule;
    roles?: {
      [k: string]: null | PrivacyRule;
    };
  };
  /**
   * Messages to residents (SMS, WeChat): quiet hours (no SMS in them unless the message is urgent: it waits until they end), a daily cap per resident, delivery attempts, and the company's own message templates (replacing a plugin's of the same id, or new ones for its own notify effects). Channels and their credentials are set apart (PUT /api/notification-channels/<channel>), never in this document.
   */
  notifications?: {
    /**
     * Company time; from after to spans midnight (default 21:00 to 08:00)
     */
    quietHours?: {
      from: string;
      to: string;
    };
    /**
     * Messages per resident per company day (default 5); urgent ones are not counted against it
     */
    dailyCap?: number;
    /**
     * Delivery attempts before a message is marked failed (default 4; retries back off 1, 2, 4… minutes)
     */
    maxAttempts?: number;
    templates?: {
      [k: string]: MessageTemplate;
    };
  };
  /**
   * The company's upload budget (attachments are stored in its database). storageQuotaMiB: all attachments together, default 2048 (2 GiB); perUserPerHour: files one staff member may upload in an hour, default 60. Over the quota an upload gets 413, over the rate 429.
   */
  uploads?: {
    storageQuotaMiB?: number;
    perUserPerHour?: number;
  };
  /**
   * Named dispatch (派工到人): the company's skills list (技能) and ranked assignment rules. When a case is registered or enters a state with an assignRole (or an assign effect names a role) and nobody is named yet, the first rule that matches the case picks a staff member of that role working in the case's project; no rule matching leaves the case in the role's queue.
   */
  assignment?: {
    /**
     * The skills staff may hold (e.g. 水电, 土建, 门窗); a staff member's skills and a rule's skills must be among them
     *
     * @maxItems 100
     */
    skills?: string[];
    /**
     * Tried in order; the first that matches the case and finds a candidate picks
     *
     * @maxItems 200
     */
    rules?: {
      title?: string;
      /**
       * @minItems 1
       * @maxItems 50
       */
      caseTypes?: [string, ...string[]];
      /**
       * the roles whose queue the rule serves
       *
       * @minItems 1
       * @maxItems 50
       */
      roles?: [string, ...string[]];
      /**
       * project codes
       *
       * @minItems 1
       * @maxItems 200
       */
      projects?: [string, ...string[]];
      /**
       * building ids
       *
       * @minItems 1
       * @maxItems 500
       */
      buildings?: [number, ...number[]];
      /**
       * the case's field (e.g. a repair's category) holds one of values
       */
      match?: {
        field: string;
        /**
         * @minItems 1
         * @maxItems 100
         */
        values: [string | number | boolean, ...(string | number | boolean)[]];
      };
      /**
       * the candidate must hold every one of them
       *
       * @minItems 1
       * @maxItems 50
       */
      skills?: [string, ...string[]];
      /**
       * leastOpenLoad: the candidate with the fewest open cases; roundRobin: candidates in turn; a staff id: that staff member (when eligible)
       */
      pick: ('leastOpenLoad' | 'roundRobin') | number;
    }[];
  };
  /**
   * Promised times (约定完成时间) on cases, checked on the server: maxDays — the latest promise, in calendar days after the case was registered (default 7: at most a week); maxPostponements — how often a promise may be postponed (default 1: never postponed twice). byCaseType overrides either per case type.
   */
  promises?: {
    maxDays?: number;
    maxPostponements?: number;
    byCaseType?: {
      [k: string]: {
        maxDays?: number;
        maxPostponements?: number;
      };
    };
  };
  /**
   * The monthly report's targets (目标达成), judged per person or per case type and shown against their target (GET /api/reports/monthly, the 目标达成 sheet of the .xlsx, the 统计 page). Built-in targets (core/reports/targets.ts), from the manuals: managerSpotChecks — the 客服经理 and the 总物业经理 each spot-check at least 3 follow-ups a month (seed 001/003 §2.7.5); onSiteShare — at least 5 % of each case type's follow-ups on site (seed 001/003 §2.7.4); complaintFollowUpsManager / complaintFollowUpsGeneralManager — at least 3 / 1 complaint follow-ups a month (seed 003 §2.7.7). An entry with a built-in id replaces it (enabled: false turns it off); other ids add targets.
   */
  reports?: {
    /**
     * @maxItems 50
     */
    targets?: {
      id: string;
      title?: {
        'zh-CN': string;
        en?: string;
      };
      /**
       * spotChecks / followUpsDone: follow-ups each staff member holding one of `roles` completed in the month (min: a count); onSiteShare: on-site follow-ups among those done, of each case type, falling due in the month (min: a share, 0.05 = 5 %)
       */
      kind?: 'spotChecks' | 'onSiteShare' | 'followUpsDone';
      /**
       * the case types counted (default: every case type with follow-ups)
       *
       * @minItems 1
       * @maxItems 50
       */
      caseTypes?: [string, ...string[]];
      /**
       * the roles whose members are judged (count targets)
       *
       * @minItems 1
       * @maxItems 50
       */
      roles?: [string, ...string[]];
      min?: number;
      enabled?: boolean;
    }[];
  };
  caseTypes?: CompanyCaseTypes;
  /**
   * Per-project changes, keyed by project code; applied over the company's
   */
  projects?: {
    [k: string]: {
      calendar?: Calendar;
      plugins?: PluginPatches;
    };
  };
}
export interface Calendar {
  timezone?: string;
  holidays?: string[];
  workdays?: string[];
}
export interface RolePatch {
  title?: Text;
  reportsTo?: null | string;
  allProjects?: boolean;
  permissions?: string[];
  mergedInto?: null | string;
  /**
   * Roles this one builds on: its staff act as those roles too (their permissions, workflow steps, queues, project reach); null clears
   */
  extends?: null | string[];
}
/**
 * Text in several languages; zh-CN is required, en is the fallback for English users
 */
export interface Text {
  'zh-CN': string;
  en?: string;
}
export interface PluginPatches {
  [k: string]: {
    enabled?: boolean;
    config?: {};
    workflows?: PatchMap;
    forms?: PatchMap;
    ui?: PatchMap;
    rules?: PatchMap;
    templates?: {
      [k: string]: string;
    };
  };
}
export interface PatchMap {
  [k: string]: {};
}
export interface PrivacyRule {
  /**
   * full: the whole number; masked: 138****0001, 4401**********1234 (an explicit, logged reveal shows it); hidden: not shown at all
   */
  phone?: 'full' | 'masked' | 'hidden';
  /**
   * full: the whole number; masked: 138****0001, 4401**********1234 (an explicit, logged reveal shows it); hidden: not shown at all
   */
  idNumber?: 'full' | 'masked' | 'hidden';
  /**
   * the visitor desk's view: room numbers only, no residents' data
   */
  visitorOnly?: boolean;
}
/**
 * A message to residents (SMS or WeChat template message): its text and the variables sent to the provider are handlebars templates, checked at load like print templates (only the roots the message is rendered with; output escaped). The provider's own template code is registered per company with the channel (PUT /api/notification-channels/<channel>).
 */
export interface MessageTemplate {
  title: Text;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  kind: string;
  /**
   * The message as the resident reads it (kept in the household's message log)
   */
  text: string;
  /**
   * The provider template's variables, in the order the provider's template numbers them (Tencent Cloud's are positional)
   */
  params?: {
    [k: string]: string;
  };
  /**
   * Roots the code that queues this message provides besides company, project, unit and person (a message no workflow uses, e.g. billing's dunning reminder: arrears)
   *
   * @maxItems 10
   */
  context?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
  /**
   * Residents may opt out of it (default true); false for notices the company must deliver (a final notice)
   */
  optOut?: boolean;
}
/**
 * Case types the company builds itself (自建流程: 钥匙借用, 拜访客户, 巡查…), keyed by case type id. Ids start with x and a capital (xKeyLoan): that namespace is the company's, plugins may not use it. Each type holds the declarations a plugin folder would — its workflow, forms, UI layouts, rules and print templates — and is checked exactly like a plugin's (core/config/company-case-types.ts). Once the version is active the type is served like a plugin's under /api/cases/<id>; removing it (or rolling back) stops new cases while open ones carry on under the version they were opened under.
 */
export interface CompanyCaseTypes {
  [k: string]: CompanyCaseType;
}
export interface CompanyCaseType {
  /**
   * A workflow declaration (workflow.schema.json); its caseType equals the key
   */
  workflow: {};
  /**
   * Form declarations (form.schema.json) by name; the workflow's form, its transitions' forms and its follow-up form name them
   */
  forms: {
    [k: string]: {};
  };
  /**
   * UI layouts (ui.schema.json) by name: sections, widgets, visibleIf / requiredIf / computed rules of a form
   */
  ui?: {
    [k: string]: {};
  };
  /**
   * Named rules (an entry of rules.schema.json's rules) with their worked examples
   */
  rules?: {
    [k: string]: {};
  };
  /**
   * Messages its notify steps send (to the case's resident by SMS or WeChat, or to staff in the app), by id: like a plugin's plugin.json messages, checked with the case's fields; an id no other plugin or company type uses
   */
  messages?: {
    [k: string]: MessageTemplate;
  };
  /**
   * Print templates (handlebars, output always escaped) by name; the workflow's documents name them
   */
  templates?: {
    [k: string]: string;
  };
}
