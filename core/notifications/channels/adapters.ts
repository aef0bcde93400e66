/** The provider adapters by provider id, and which channel each serves. */
import type { MessageChannelKind, MessageProvider } from '../../db/entities/index.js';
import type { ChannelAdapter } from './channel-adapter.js';
import { sendAliyunSms } from './aliyun-sms.js';
import { sendTencentSms } from './tencent-sms.js';
import { sendWechatTemplate } from './wechat-template.js';

export const ADAPTERS: Record<MessageProvider, { channel: MessageChannelKind; send: ChannelAdapter; credentialKeys: string[] }> = {
  aliyun: { channel: 'sms', send: sendAliyunSms, credentialKeys: ['accessKeyId', 'accessKeySecret'] },
  tencent: { channel: 'sms', send: sendTencentSms, credentialKeys: ['secretId', 'secretKey'] },
  wechat: { channel: 'wechat', send: sendWechatTemplate, credentialKeys: ['appId', 'appSecret'] },
};
