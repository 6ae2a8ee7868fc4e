package com.peptalk.delivery.sending;

import com.peptalk.delivery.messages.DeliveryProperties;
import com.peptalk.events.comms.Channel;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The provider of each channel in this mode: the sandbox ones in {@code sandbox} mode, SES and Twilio in {@code live}. */
@Component
class Providers {

    private final Map<Channel, ChannelProvider> byChannel = new EnumMap<>(Channel.class);

    Providers(List<ChannelProvider> providers, DeliveryProperties settings) {
        boolean sandbox = settings.mode() == DeliveryProperties.Mode.SANDBOX;
        providers.stream().filter(provider -> provider.sandbox() == sandbox)
                .forEach(provider -> byChannel.put(provider.channel(), provider));
        for (Channel channel : Channel.values()) {
            if (!byChannel.containsKey(channel)) {
                throw new IllegalStateException("no " + settings.mode() + " provider for " + channel);
            }
        }
    }

    ChannelProvider of(Channel channel) {
        return byChannel.get(channel);
    }
}
