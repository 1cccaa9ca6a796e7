import { type Messenger, SendError } from "../core/ports.js";
import type { Channel } from "../core/types.js";

/**
 * One {@link Messenger} over several channels: each call goes to the channel named in the address.
 * @example const messenger = createMessengerHub({ telegram: telegram.messenger });
 */
export function createMessengerHub(channels: Partial<Record<Channel, Messenger>>): Messenger {
  const pick = (channel: Channel): Messenger => {
    const m = channels[channel];
    if (!m) throw new SendError("unreachable", `channel ${channel} is not configured`);
    return m;
  };
  return {
    send: (to, message) => pick(to.channel).send(to, message),
    download: (channel, file, maxBytes) => pick(channel).download(channel, file, maxBytes),
    textLimit: (channel) => channels[channel]?.textLimit(channel) ?? 2000,
  };
}
