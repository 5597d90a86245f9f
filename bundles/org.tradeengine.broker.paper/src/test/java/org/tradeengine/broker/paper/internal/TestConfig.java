// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.broker.paper.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds a {@link PaperBrokerComponent.Config} as the framework would: a value from the map under the key Declarative
 * Services derives from the method name ({@code __} is {@code _}, {@code _} is a dot), else the annotation's default.
 */
final class TestConfig {

    private TestConfig() {
    }

    static PaperBrokerComponent.Config defaults() {
        return of(Map.of());
    }

    static PaperBrokerComponent.Config of(Map<String, String> values) {
        return (PaperBrokerComponent.Config) Proxy.newProxyInstance(TestConfig.class.getClassLoader(),
                new Class<?>[] {PaperBrokerComponent.Config.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return PaperBrokerComponent.Config.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "Config" + values;
                    }
                    String text = values.get(key(method));
                    if (text == null) {
                        return method.getDefaultValue();
                    }
                    return method.getReturnType() == long.class ? (Object) Long.parseLong(text) : text;
                });
    }

    static String key(Method m) {
        return m.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    static PaperSettings settings(Map<String, String> values) {
        return PaperSettings.of(of(values));
    }
}
