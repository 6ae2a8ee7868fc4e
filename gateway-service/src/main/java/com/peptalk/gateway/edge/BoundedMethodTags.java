package com.peptalk.gateway.edge;

import io.micrometer.common.KeyValue;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerHttpObservationDocumentation.LowCardinalityKeyNames;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The {@code http.server.requests} observation with a bounded {@code method} tag: a served method by name (and
 * {@code TRACE}, refused but standard), anything else {@code OTHER}, so that invented methods, refused by
 * {@link RequestShape}, cannot create a new metric series each. Replaces Boot's default convention (which says
 * {@code UNKNOWN} for them); everything else is the default.
 */
@Component
class BoundedMethodTags extends DefaultServerRequestObservationConvention {

    static final KeyValue OTHER = KeyValue.of(LowCardinalityKeyNames.METHOD, "OTHER");

    @Override
    protected KeyValue method(ServerRequestObservationContext context) {
        HttpMethod method = context.getCarrier() != null ? context.getCarrier().getMethod() : null;
        if (method != null && (RequestShape.SERVED.contains(method) || method.equals(HttpMethod.TRACE))) {
            return super.method(context);
        }
        return OTHER;
    }
}
