/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: schemas/plugin.schema.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

/**
 * plugin.json: identity, dependencies, roles and configuration of one procedure plugin
 */
export interface PluginDeclaration {
  id: string;
  version: string;
  title: Text;
  description?: Text;
  dependsOn?: string[];
  /**
   * Roles (岗位) this plugin contributes as defaults; companies rename, add and merge them in configuration
   */
  roles?: {
    [k: string]: Role;
  };
  /**
   * Plugin settings a company may change: a JSON Schema and its defaults
   */
  config?: {
    schema: {};
    defaults: {};
  };
  calendar?: Calendar;
  /**
   * Messages to residents this plugin sends (its workflows' notify effects, or its code), keyed by message template id; companies override them in notifications.templates
   */
  messages?: {
    [k: string]: MessageTemplate;
  };
  /**
   * Printable documents the plugin's own code renders (not tied to a case), keyed by template name (templates/<name>.hbs): their title and the context roots the code provides besides company, project, document and now
   */
  documents?: {
    [k: string]: {
      title: Text;
      context: string[];
    };
  };
}
/**
 * Text in several languages; zh-CN is required, en is the fallback for English users
 */
export interface Text {
  'zh-CN': string;
  en?: string;
}
export interface Role {
  title: Text;
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  reportsTo?: string;
  /**
   * Staff in this role see every project of the company, not only their assigned ones
   */
  allProjects?: boolean;
  permissions?: string[];
  /**
   * camelCase identifier used for fields, states, transitions, roles, rules
   */
  mergedInto?: string;
  /**
   * Roles this one builds on: its staff act as those roles too (their permissions, workflow steps, queues, project reach)
   */
  extends?: string[];
}
/**
 * Default company calendar settings contributed by this plugin
 */
export interface Calendar {
  timezone?: string;
  holidays?: string[];
  workdays?: string[];
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
