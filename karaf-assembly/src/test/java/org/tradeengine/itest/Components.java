// SPDX-License-Identifier: Apache-2.0
package org.tradeengine.itest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Checks the Declarative Services components of a bundle through {@link ServiceComponentRuntime} DTOs and
 * describes every one that is not ACTIVE (with its unsatisfied references), so a failure says what to fix.
 */
final class Components {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final ConfigurationAdmin configs;

    Components(BundleContext context, ServiceComponentRuntime scr, ConfigurationAdmin configs) {
        this.context = context;
        this.scr = scr;
        this.configs = configs;
    }

    /**
     * @param context the bundle context
     * @param name a bundle symbolic name
     * @return the installed bundle
     * @throws IllegalStateException if there is none (a {@link Poll} retries)
     */
    static Bundle bundle(BundleContext context, String name) {
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("no bundle " + name);
    }

    /**
     * @param context the bundle context
     * @param type the service type
     * @param filter an LDAP filter, or null
     * @param <T> the type
     * @return the service
     * @throws IllegalStateException if there is none (a {@link Poll} retries: e.g. a service being re-registered)
     */
    static <T> T service(BundleContext context, Class<T> type, String filter) {
        try {
            java.util.Collection<org.osgi.framework.ServiceReference<T>> refs = context.getServiceReferences(type, filter);
            if (refs.isEmpty()) {
                throw new IllegalStateException("no " + type.getSimpleName() + " service" + (filter == null ? "" : " " + filter));
            }
            return context.getService(refs.iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /**
     * Lists what is wrong with the components of {@code bundle}: a component without a configuration (or, for a
     * configuration-required one, fewer instances than configurations), or an instance that is not ACTIVE even
     * after its service was asked for (a delayed component only activates when used).
     *
     * @param bundle the bundle
     * @return problems, empty if every component is ACTIVE
     */
    List<String> problems(Bundle bundle) throws IOException, InvalidSyntaxException {
        List<String> problems = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(d)) {
                problems.add(d.name + ": disabled");
                continue;
            }
            int expected = "require".equals(d.configurationPolicy) ? configurationsOf(d) : 1;
            List<ComponentConfigurationDTO> instances = activate(d);
            if (instances.size() < expected) {
                problems.add(d.name + ": " + instances.size() + " instance(s) for " + expected + " configuration(s)");
            }
            for (ComponentConfigurationDTO c : instances) {
                if (c.state != ComponentConfigurationDTO.ACTIVE) {
                    problems.add(describe(d, c));
                }
            }
        }
        return problems;
    }

    private List<ComponentConfigurationDTO> activate(ComponentDescriptionDTO d) throws InvalidSyntaxException {
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
            if (c.state == ComponentConfigurationDTO.SATISFIED && d.serviceInterfaces.length > 0) {
                ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(component.id=" + c.id + ")");
                if (refs != null && context.getService(refs[0]) != null) {
                    context.ungetService(refs[0]);
                }
            }
        }
        return new ArrayList<>(scr.getComponentConfigurationDTOs(d));
    }

    private int configurationsOf(ComponentDescriptionDTO d) throws IOException, InvalidSyntaxException {
        int n = 0;
        for (String pid : d.configurationPid) {
            Configuration[] found = configs.listConfigurations("(|(service.pid=" + pid + ")(service.factoryPid=" + pid + "))");
            n += found == null ? 0 : found.length;
        }
        return n;
    }

    private static String describe(ComponentDescriptionDTO d, ComponentConfigurationDTO c) {
        String state = switch (c.state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED (service asked for, still not activated)";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION: " + c.failure;
            default -> "state " + c.state;
        };
        String refs = Arrays.stream(c.unsatisfiedReferences).map(Components::describe).collect(Collectors.joining(", "));
        return d.name + " (" + c.properties.get("service.pid") + "): " + state + (refs.isEmpty() ? "" : "; missing " + refs);
    }

    private static String describe(UnsatisfiedReferenceDTO r) {
        return r.name + (r.target == null ? "" : " " + r.target);
    }
}
