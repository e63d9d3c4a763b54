#pragma once

namespace demo {

struct Node { virtual ~Node(); int id; };
struct Tagged { virtual const char* tag() const; int flags; };
// Tagged first: Node sits at offset 16 of an Element.
struct Element : Tagged, Node { };

struct Builder { virtual ~Builder(); virtual Node* build(); };
// Returns Node* in OLD: it overrides Builder::build in Builder's own slot.
struct ElementBuilder : Builder {
  Node* build() override;
  virtual void reset();
};

// A nearly empty virtual base is the primary base: its slot notify() is shared, not Listener's own.
struct Observer { virtual void notify(); };
struct Listener : virtual Observer {
  virtual void listen();
  void notify() override;
};

}  // namespace demo
