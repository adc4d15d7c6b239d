export { startLocalConnector, type LocalConnector, type ReceivedActivity, type ConnectorOperation } from './connector';
export {
  createChannelActivityFactory,
  LOCAL_CHANNELS,
  type LocalChannelId,
  type ChannelActivityFactory,
  type InputValues,
} from './channel-activities';
export { renderActivities, renderShowCard, type Button, type ButtonAction, type CardInput, type RenderedTurn } from './card-text';
export { ChatSession, BotRequestError, type ChatTurn, type ChatSessionOptions } from './chat-session';
