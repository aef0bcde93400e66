/* eslint-disable */
/**
 * GENERATED FILE — DO NOT EDIT.
 * Source: plugins/community-events/publication.form.json
 * Regenerate with `npm run generate`; CI fails when this file drifts from its source.
 */

export interface PublicationData {
  noticeText: string;
  /**
   * @minItems 1
   * @maxItems 5
   */
  channels:
    | ['noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer']
    | [
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer'
      ]
    | [
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer'
      ]
    | [
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer'
      ]
    | [
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer',
        'noticeBoard' | 'lobbyScreen' | 'wechat' | 'sms' | 'flyer'
      ];
  noticeBoardFrom?: string;
  noticeBoardUntil?: string;
  signUpUntil?: string;
}
