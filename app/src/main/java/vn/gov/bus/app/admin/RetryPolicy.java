package vn.gov.bus.app.admin;

import java.time.Duration;

/**
 * How the broker redelivers a message whose processing failed before it dead-letters it: at most
 * {@code maxRedeliveries} redeliveries (so 1 + maxRedeliveries attempts), the first after
 * {@code redeliveryDelay}, each next one {@code backOffMultiplier} times later, never later than
 * {@code maxRedeliveryDelay}.
 */
public record RetryPolicy(int maxRedeliveries, Duration redeliveryDelay, double backOffMultiplier,
                          Duration maxRedeliveryDelay) {

    public int maxDeliveryAttempts() {
        return maxRedeliveries + 1;
    }
}
