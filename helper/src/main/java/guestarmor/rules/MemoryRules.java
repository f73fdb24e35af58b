package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.MemoryDevice;

/**
 * Memory devices backed by host files (table rows 22, 22a, 22b): the nvdimm or virtio-pmem file
 * {@code rw}; an SGX EPC section opens {@code /dev/sgx_vepc} read-write and {@code /dev/sgx_provision} read-only.
 */
final class MemoryRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (MemoryDevice mem : MemoryDevice.all(domain)) {
      String origin = "memory " + mem.index();
      switch (mem.model()) {
        case "nvdimm", "virtio-pmem" -> {
          if (mem.path() != null) {
            rules.addPath(origin, mem.path(), "rw");
          }
        }
        case "sgx-epc" -> {
          rules.addPath(origin, "/dev/sgx_vepc", "rw");
          rules.addPath(origin, "/dev/sgx_provision", "r");
        }
        default -> {
          // dimm and virtio-mem are anonymous or hugepage memory: libvirtd passes those with -F.
        }
      }
    }
  }
}
